package nl.meedoen.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's part of HTTP for the login through an OpenID Connect provider
 * ({@link OidcProvider}): cookies per host, every redirect followed, the addresses it
 * went through kept.
 */
public final class HttpBrowser {

    private final String base;

    private final OidcProvider provider;

    private final String password;

    private final HttpClient http = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    public final List<String> visited = new ArrayList<>();

    /**
     * @param base Meedoen's base address
     * @param provider the provider the logins go through
     * @param password the password of every provider account the test uses
     */
    public HttpBrowser(String base, OidcProvider provider, String password) {
        this.base = base;
        this.provider = provider;
        this.password = password;
    }

    public HttpResponse<String> get(String uri) throws Exception {
        return follow(HttpRequest.newBuilder(URI.create(uri))
            .header("Accept-Language", "nl")
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .GET()
            .build());
    }

    public HttpResponse<String> post(String uri, Map<String, String> form) throws Exception {
        String body = String.join("&",
                form.entrySet()
                    .stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .toList());
        return follow(HttpRequest.newBuilder(URI.create(uri))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept-Language", "nl")
            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
    }

    private HttpResponse<String> follow(HttpRequest first) throws Exception {
        HttpResponse<String> response = http.send(first, HttpResponse.BodyHandlers.ofString());
        for (int hops = 0; hops < 15 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            visited.add(next.toString());
            response = http.send(HttpRequest.newBuilder(next)
                .header("Accept-Language", "nl")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    /** "Inloggen met …" of the staff's single sign-on, then the provider's login form. */
    public HttpResponse<String> loginThroughProvider(String username) throws Exception {
        return loginThroughProvider("sso", username);
    }

    /**
     * The login of a registration ({@code sso}, {@code digid}), then the provider's own
     * login form with the user's password.
     */
    public HttpResponse<String> loginThroughProvider(String registration, String username) throws Exception {
        HttpResponse<String> form = get(base + "/oauth2/authorization/" + registration);
        assertThat(form.uri().toString()).isEqualTo(provider.issuer() + "/login");
        return post(provider.issuer() + "/login",
                Map.of("username", username, "password", password, "_csrf", csrf(form.body())));
    }

    /** The CSRF token of the first form of a page. */
    public static String csrf(String html) {
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
            .matcher(html);
        assertThat(token.find()).as("a form with a CSRF token").isTrue();
        return token.group(1) != null ? token.group(1) : token.group(2);
    }

}
