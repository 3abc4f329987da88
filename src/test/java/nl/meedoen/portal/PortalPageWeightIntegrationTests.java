package nl.meedoen.portal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import nl.meedoen.support.HttpBrowser;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of Mijn Meedoen (found as {@link PortalLinks} finds them) weighs less than
 * 100 kB on the wire for a first visit, as a phone's browser fetches it: the HTML and
 * every style sheet, image and icon it references (and what the style sheets reference),
 * each counted as sent with {@code Accept-Encoding: gzip}, with its headers. The figures
 * are printed per page.
 */
@MeedoenIntegrationTest
class PortalPageWeightIntegrationTests {

    static final int LIMIT = 100_000;

    private static final Pattern REFERENCED = Pattern.compile(
            "<link\\b[^>]*\\bhref=\"(/[^\"]+)\"|<img\\b[^>]*\\bsrc=\"(/[^\"]+)\"|<source\\b[^>]*\\bsrcset=\"(/[^\"\\s]+)");

    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?(/[^'\")]+)['\"]?\\s*\\)");

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();

    /** What one address cost on the wire, and its text. */
    private record Fetched(long bytes, String text) {
    }

    @Test
    void everyPortalPageWeighsLessThan100KilobytesOnTheWireWithItsStylesAndImages() throws Exception {
        logIn("inwoner", "demo");
        List<String> pages = PortalLinks.discover(path -> fetch(path).text());
        assertThat(pages).contains("/mijn", "/mijn/inzage", "/mijn/gegevens");

        List<String> tooHeavy = new ArrayList<>();
        for (String page : pages) {
            Fetched html = fetch(page);
            long resources = 0;
            Set<String> referenced = referenced(html.text(), REFERENCED);
            Set<String> seen = new LinkedHashSet<>();
            for (String address : referenced) {
                if (!seen.add(address)) {
                    continue;
                }
                Fetched resource = fetch(address);
                resources += resource.bytes();
                if (address.endsWith(".css")) {
                    for (String inner : referenced(resource.text(), CSS_URL)) {
                        if (seen.add(inner)) {
                            resources += fetch(inner).bytes();
                        }
                    }
                }
            }
            long total = html.bytes() + resources;
            System.out.printf("Page weight %-24s HTML %,7d B + styles and images %,7d B (%s) = %,7d B%n", page,
                    html.bytes(), resources, String.join(", ", seen), total);
            if (total >= LIMIT) {
                tooHeavy.add(page + " " + total + " B");
            }
        }
        assertThat(tooHeavy).as("portal pages of 100 kB or more on the wire").isEmpty();
    }

    private void logIn(String username, String password) throws Exception {
        String form = fetch("/inloggen").text();
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(HttpBrowser.csrf(form), StandardCharsets.UTF_8);
        HttpResponse<String> landed = http.send(HttpRequest.newBuilder(URI.create(base() + "/inloggen"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(landed.uri().getPath()).isEqualTo("/mijn");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** The address as a phone's browser gets it: compressed if the server compresses. */
    private Fetched fetch(String path) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Accept-Encoding", "gzip")
                .header("Accept-Language", "nl")
                .header("Accept", "text/html,*/*")
                .GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            long headers = response.headers()
                .map()
                .entrySet()
                .stream()
                .mapToLong(e -> e.getValue().stream().mapToLong(v -> e.getKey().length() + v.length() + 4).sum())
                .sum();
            byte[] body = response.body();
            boolean gzip = response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip");
            byte[] plain = gzip ? new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes() : body;
            return new Fetched(headers + body.length, new String(plain, StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static Set<String> referenced(String text, Pattern pattern) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                if (matcher.group(group) != null) {
                    found.add(matcher.group(group).replace("&amp;", "&"));
                }
            }
        }
        return found;
    }

}
