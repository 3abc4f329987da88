package nl.meedoen.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answer, also the ones given before a controller is chosen (Spring
 * Security's firewall, Tomcat's parser, the handler mapping): a Dutch problem detail on
 * the API, the Dutch error page on pages. Sent over a raw socket, because MockMvc cannot
 * send what a hostile client can.
 */
@MeedoenIntegrationTest
class ErrorAnswersIntegrationTests {

    private static final Set<String> DUTCH_TITLES = Set.of("Ongeldige invoer", "Niet ingelogd", "Geen toegang",
            "Niet gevonden", "Methode niet toegestaan", "Niet aanvaardbaar", "Verkeerd gegevenstype", "Te groot",
            "Adres te lang", "Kop te groot", "Interne fout");

    private static final String LONG = "a".repeat(9 * 1024);

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/persons;jsessionid=x", "/api/v1//persons", "/api/v1/./persons",
            "/api/v1/%2e%2e/persons", "/api/v1/persons/%00", "/api/v1/persons/a%2Fb", "/api/v1/persons/%2e%2e%2fx",
            "/api/v1/persons?q={long}" })
    void oddPathsOnTheApiAnswerADutchProblemDetail(String path) throws IOException {
        Answer answer = send("GET", path, Map.of("Authorization", basic("begeleider")));

        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(answer.status());
        assertThat(DUTCH_TITLES).contains(problem.get("title").asString());
        assertThat(problem.get("detail").asString()).isNotBlank().doesNotContainIgnoringCase("request");
        assertThat(problem.has("timestamp")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/persons;x=1", "/api/v1//persons", "/api/v1/./persons", "/api/v1/%2e%2e/persons" })
    void rejectedApiPathsCarryTheRequestsTraceId(String path) throws IOException {
        Answer answer = send("GET", path, Map.of("Authorization", basic("begeleider"), "X-Request-Id", "trace-odd-1"));

        assertThat(answer.json().get("traceId").asString()).isEqualTo("trace-odd-1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/personen;x=1", "//personen", "/./personen", "/%2e%2e/personen", "/personen/%00",
            "/personen/a%2Fb" })
    void oddPathsOnPagesShowTheDutchErrorPage(String path) throws IOException {
        Answer answer = send("GET", path, Map.of());

        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("text/html");
        assertThat(answer.body()).contains("Er ging iets mis")
            .doesNotContain("HTTP Status")
            .doesNotContain("Bad Request")
            .doesNotContain("timestamp");
    }

    @Test
    void anOversizedHeaderOnTheApiAnswersADutchProblemDetail() throws IOException {
        Answer answer = send("GET", "/api/v1/persons", Map.of("Authorization", basic("begeleider"), "X-Padding", LONG));

        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("application/problem+json");
        assertThat(DUTCH_TITLES).contains(answer.json().get("title").asString());
    }

    @Test
    void anOversizedHeaderOnPagesShowsTheDutchErrorPage() throws IOException {
        Answer answer = send("GET", "/personen", Map.of("X-Padding", LONG));

        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        assertThat(answer.contentType()).as(answer.toString()).startsWith("text/html");
        assertThat(answer.body()).contains("Er ging iets mis")
            .doesNotContain("HTTP Status")
            .doesNotContain("Bad Request")
            .doesNotContain("timestamp");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/persons/%20", "/api/v1/persons/%20/plan" })
    void aBlankPathIdAnswersADutchProblemDetail(String path) throws IOException {
        Answer answer = send("GET", path, Map.of("Authorization", basic("begeleider")));

        assertThat(answer.status()).isIn(400, 404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(DUTCH_TITLES).contains(answer.json().get("title").asString());
        assertThat(answer.json().get("detail").asString()).doesNotContain("Required").doesNotContain("path variable");
    }

    @ParameterizedTest
    @ValueSource(strings = { "*;q=-1", "zz-ZZ;q=abc", ";;;", "en;q=2", "*" })
    void aMalformedAcceptLanguageFallsBackToDutch(String language) throws IOException {
        Answer answer = send("GET", "/api/v1/persons/00000000-0000-0000-0000-000000000000",
                Map.of("Authorization", basic("begeleider"), "Accept-Language", language));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("title").asString()).isEqualTo("Niet gevonden");
        assertThat(answer.json().get("detail").asString())
            .isEqualTo("Dit gegeven bestaat niet of u heeft er geen toegang toe.");
    }

    @ParameterizedTest
    @ValueSource(strings = { "en", "en-GB,nl;q=0.5" })
    void aWellFormedEnglishAcceptLanguageStillAnswersInEnglish(String language) throws IOException {
        Answer answer = send("GET", "/api/v1/persons/00000000-0000-0000-0000-000000000000",
                Map.of("Authorization", basic("begeleider"), "Accept-Language", language));

        assertThat(answer.json().get("title").asString()).isEqualTo("Not found");
    }

    @Test
    void thePlanAsPdfAskedForAsJsonAnswersADutch406() throws IOException {
        Answer answer = send("GET", "/api/v1/persons/00000000-0000-0000-0000-000000000000/plan.pdf",
                Map.of("Authorization", basic("begeleider"), "Accept", "application/json"));

        assertThat(answer.status()).isEqualTo(406);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("title").asString()).isEqualTo("Niet aanvaardbaar");
        assertThat(answer.json().get("detail").asString()).isEqualTo("Dit antwoordformaat kan niet worden geleverd.");
    }

    @Test
    void everyTitleAndDetailBeforeTheControllersIsDutch() throws IOException {
        Map<String, Answer> answers = new LinkedHashMap<>();
        Map<String, String> caseworker = Map.of("Authorization", basic("begeleider"));
        answers.put("404 unknown address", send("GET", "/api/v1/nothing-here", caseworker));
        answers.put("404 static path", send("GET", "/api/v1/css/missing.css", caseworker));
        answers.put("405", send("DELETE", "/api/v1/persons", caseworker));
        answers.put("415", send("POST", "/api/v1/persons",
                Map.of("Authorization", basic("begeleider"), "Content-Type", "text/plain", "Content-Length", "2"),
                "hi"));
        answers.put("406",
                send("GET", "/api/v1/persons", Map.of("Authorization", basic("begeleider"), "Accept", "image/png")));
        answers.put("400 bad parameter", send("GET", "/api/v1/persons/not-a-uuid", caseworker));

        answers.forEach((what, answer) -> {
            assertThat(answer.status()).as(what + " " + answer).isBetween(400, 499);
            assertThat(answer.contentType()).as(what + " " + answer).startsWith("application/problem+json");
            JsonNode problem = answer.json();
            assertThat(DUTCH_TITLES).as(what + " " + answer).contains(problem.get("title").asString());
            assertThat(problem.get("detail").asString()).as(what + " " + answer)
                .doesNotContainIgnoringCase("not ")
                .doesNotContainIgnoringCase("request")
                .doesNotContainIgnoringCase("supported");
        });
    }

    @Test
    void aMissingStaticFileOnPagesShowsTheDutch404Page() throws IOException {
        Answer answer = send("GET", "/css/missing.css", Map.of());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(answer.body()).contains("Niet gevonden").doesNotContain("timestamp");
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    private Answer send(String method, String target, Map<String, String> headers) throws IOException {
        return send(method, target, headers, "");
    }

    private Answer send(String method, String target, Map<String, String> headers, String body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            StringBuilder request = new StringBuilder(method + " " + target.replace("{long}", LONG) + " HTTP/1.1\r\n");
            request.append("Host: localhost:").append(port).append("\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("Connection: close\r\n\r\n").append(body);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return Answer.parse(socket.getInputStream());
        }
    }

    record Answer(int status, Map<String, String> headers, String body) {

        static Answer parse(InputStream in) throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String raw = all.toString(StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            String head = end < 0 ? raw : raw.substring(0, end);
            String body = end < 0 ? "" : raw.substring(end + 4);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new Answer(status, headers, body);
        }

        private static String unchunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
            return body.toString();
        }

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        JsonNode json() {
            return Api.JSON.readTree(body);
        }

    }

}
