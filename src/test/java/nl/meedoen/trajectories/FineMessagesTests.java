package nl.meedoen.trajectories;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import nl.meedoen.law.NationalRules;
import nl.meedoen.law.RuleCode;
import nl.meedoen.trajectories.internal.Fines;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fine above the legal maximum is refused with a message that names the maximum: every
 * maximum the national rule set has known has its message, in Dutch and in English, so a
 * change of the law cannot leave the refusal without its number.
 */
class FineMessagesTests {

    @ParameterizedTest
    @ValueSource(strings = { "messages.properties", "messages_en.properties" })
    void everyLegalMaximumOfTheRuleSetHasAMessageNamingIt(String file) throws Exception {
        Properties messages = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<Integer> maxima = new TreeSet<>();
        new NationalRules().history()
            .forEach(set -> set.find(RuleCode.FINE_MAX_EUROS).ifPresent(rule -> maxima.add(rule.value())));

        assertThat(maxima).isNotEmpty();
        for (int maximum : maxima) {
            assertThat(messages.getProperty(Fines.aboveMaximumKey(maximum))).as(file + " for " + maximum)
                .contains("€ " + maximum);
        }
    }

}
