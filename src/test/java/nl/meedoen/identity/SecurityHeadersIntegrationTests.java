package nl.meedoen.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers every answer carries, read over a real socket so Tomcat's own handling of a
 * TLS-terminating proxy is part of what is tested.
 */
@MeedoenIntegrationTest
class SecurityHeadersIntegrationTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesAllowNoInlineScriptAndTellTheBrowserToKeepAddressesAndDevicesToItself() throws Exception {
        HttpResponse<String> login = get("/inloggen");

        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        String scripts = List.of(csp.split(";"))
            .stream()
            .map(String::trim)
            .filter(d -> d.startsWith("script-src"))
            .findFirst()
            .orElseThrow();
        assertThat(scripts).isEqualTo("script-src 'self'");
        assertThat(csp).contains("frame-ancestors 'none'", "object-src 'none'");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("Permissions-Policy").orElseThrow()).contains("camera=()",
                "microphone=()", "geolocation=()");
        assertThat(login.body()).doesNotContain("onclick=", "<script>");
    }

    @Test
    void theApiCarriesTheSameHeaders() throws Exception {
        HttpResponse<String> unauthenticated = get("/api/v1/me");

        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.headers().firstValue("Content-Security-Policy").orElseThrow())
            .contains("script-src 'self';");
        assertThat(unauthenticated.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void plainHttpGetsNoStrictTransportSecurityAndNoSecureCookie() throws Exception {
        HttpResponse<String> login = get("/inloggen");

        assertThat(login.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(login.headers().allValues("Set-Cookie"))
            .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
    }

    @Test
    void behindATlsProxyTheSessionCookieIsSecureAndStrictTransportSecurityIsSent() throws Exception {
        HttpResponse<String> login = get("/inloggen", "X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9");

        assertThat(login.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=31536000",
                "includeSubDomains");
        assertThat(login.headers().allValues("Set-Cookie"))
            .anySatisfy(cookie -> assertThat(cookie).startsWith("MEEDOEN_SESSION=")
                .contains("Secure", "HttpOnly", "SameSite=Lax"));
    }

}
