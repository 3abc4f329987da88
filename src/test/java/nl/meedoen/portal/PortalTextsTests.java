package nl.meedoen.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's texts: every key of the Dutch bundle is in each of the other six
 * languages, with a text that is not empty and the same placeholders, and no language has
 * a key Dutch lacks.
 */
class PortalTextsTests {

    private static Properties bundle(String suffix) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = PortalTextsTests.class.getResourceAsStream("/portal/messages" + suffix + ".properties")) {
            assertThat(in).as("portal/messages%s.properties", suffix).isNotNull();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return texts;
    }

    @ParameterizedTest
    @ValueSource(strings = { "_en", "_ar", "_ti", "_tr", "_uk", "_fa_AF" })
    void everyKeyIsInEveryLanguage(String language) throws IOException {
        Properties dutch = bundle("");
        Properties other = bundle(language);
        assertThat(dutch).hasSizeGreaterThan(20);
        List<String> wrong = new ArrayList<>();
        for (String key : dutch.stringPropertyNames()) {
            String text = other.getProperty(key);
            if (text == null || text.isBlank()) {
                wrong.add(key + ": missing");
            }
            else if (!placeholders(text).equals(placeholders(dutch.getProperty(key)))) {
                wrong.add(key + ": placeholders " + placeholders(text) + " instead of "
                        + placeholders(dutch.getProperty(key)));
            }
        }
        Set<String> extra = new TreeSet<>(other.stringPropertyNames());
        extra.removeAll(dutch.stringPropertyNames());
        extra.forEach(key -> wrong.add(key + ": not in Dutch"));
        assertThat(wrong).as("portal/messages%s.properties", language).isEmpty();
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d+}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

}
