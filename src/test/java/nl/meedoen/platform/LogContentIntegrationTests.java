package nl.meedoen.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import nl.meedoen.support.TestBsns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The application log holds no personal data: persons are created here through the API
 * and the pages, searched by BSN, and sent with broken fields, bad JSON and a BSN in an
 * address; afterwards no line the application wrote (at the production level, INFO) holds
 * any of their BSNs, names or e-mail addresses. The lines are structured (JSON, Elastic
 * Common Schema) and carry the request's trace id.
 */
@MeedoenIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogContentIntegrationTests {

    @Autowired
    MockMvc mvc;

    @LocalServerPort
    int port;

    final LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());

    final List<String> personalData = new ArrayList<>();

    @BeforeEach
    void productionLevel() {
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
    }

    @AfterEach
    void testLevel() {
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
    }

    @Test
    void noLogLineHoldsABsnNameOrEmailOfAPersonCreatedHere(CapturedOutput output) throws Exception {
        Api caseworker = Api.as(mvc, "begeleider");
        Pages pages = Pages.as(mvc, "begeleider");

        // through the API, and searched by BSN there
        Map<String, Object> viaApi = person();
        assertThat(caseworker.post("/api/v1/persons", viaApi).status()).isEqualTo(201);
        assertThat(caseworker.post("/api/v1/persons/search", Map.of("bsn", viaApi.get("bsn"))).status()).isEqualTo(200);
        assertThat(caseworker.post("/api/v1/persons", viaApi).status()).as("the same BSN twice").isEqualTo(409);

        // through the pages, and searched by BSN there
        Map<String, Object> viaPages = person();
        assertThat(pages.perform(form("/personen", viaPages)).getStatus()).isEqualTo(302);
        assertThat(pages.perform(
                MockMvcRequestBuilders.post("/personen/zoeken").with(csrf()).param("q", (String) viaPages.get("bsn")))
            .getStatus()).isEqualTo(200);

        // refused input, each naming the person
        Map<String, Object> badBsn = person();
        badBsn.put("bsn", "123456780");
        personalData.add("123456780");
        assertThat(caseworker.post("/api/v1/persons", badBsn).status()).isEqualTo(400);
        Map<String, Object> badEmail = person();
        badEmail.put("email", personalData.get(personalData.size() - 1) + "@");
        assertThat(caseworker.post("/api/v1/persons", badEmail).status()).isEqualTo(400);
        Map<String, Object> controlCharacter = person();
        controlCharacter.put("familyName", controlCharacter.get("familyName") + "\u0007");
        assertThat(caseworker.post("/api/v1/persons", controlCharacter).status()).isEqualTo(400);
        Map<String, Object> brokenJson = person();
        String json = Api.JSON.writeValueAsString(brokenJson);
        assertThat(caseworker
            .postRaw("/api/v1/persons", json.substring(0, json.length() - 1) + ",}", MediaType.APPLICATION_JSON, "nl")
            .status()).isEqualTo(400);
        Map<String, Object> badPage = person();
        badPage.put("postcode", "nope");
        assertThat(pages.perform(form("/personen", badPage)).getStatus()).isEqualTo(200);

        // a BSN in an address, through the real server (its firewall, valves and error
        // page)
        String bsnInAddress = TestBsns.next();
        personalData.add(bsnInAddress);
        HttpResponse<String> inAddress = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/persons?q=" + bsnInAddress))
                .header("Authorization", basic("begeleider"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inAddress.statusCode()).isEqualTo(400);

        // a request that does log: an administrator creates an account (not a person)
        String traceId = "log-content-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        String username = "logtest." + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffff);
        assertThat(Api.as(mvc, "beheerder")
            .perform(MockMvcRequestBuilders.post("/api/v1/accounts")
                .header("X-Request-Id", traceId)
                .contentType(MediaType.APPLICATION_JSON)
                .content(Api.JSON.writeValueAsString(
                        Map.of("username", username, "displayName", "Log Test", "role", "POLICY_OFFICER"))))
            .status()).isEqualTo(201);
        // the events of the new persons are handled after the commit, on other threads
        Thread.sleep(2_000);

        String log = output.getAll();
        JsonNode accountLine = lines(log).stream()
            .filter(line -> line.path("message").asString("").contains(username))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no log line of the account's creation in:\n" + log));
        assertThat(accountLine.path("traceId").asString()).isEqualTo(traceId);
        assertThat(accountLine.has("@timestamp")).isTrue();
        assertThat(accountLine.path("log").path("level").asString()).isEqualTo("INFO");

        String lower = log.toLowerCase(Locale.ROOT);
        assertThat(personalData).hasSizeGreaterThan(20)
            .allSatisfy(value -> assertThat(lower).as("the log holds personal data of a person created in this test")
                .doesNotContain(value.toLowerCase(Locale.ROOT)));
    }

    /** A new person whose BSN, names and e-mail address occur nowhere else. */
    Map<String, Object> person() {
        String given = word();
        String family = word();
        String email = word() + "@" + word() + ".example";
        Map<String, Object> person = Api.person(given, family);
        person.put("email", email);
        personalData.addAll(List.of((String) person.get("bsn"), given, family, email));
        return person;
    }

    static MockHttpServletRequestBuilder form(String path, Map<String, Object> person) {
        MockHttpServletRequestBuilder form = MockMvcRequestBuilders.post(path).with(csrf());
        person.forEach((field, value) -> {
            if (value instanceof List<?> values) {
                values.forEach(item -> form.param(field, String.valueOf(item)));
            }
            else {
                form.param(field, String.valueOf(value));
            }
        });
        return form;
    }

    static String word() {
        StringBuilder word = new StringBuilder("Q");
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    static List<JsonNode> lines(String log) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : log.split("\\R")) {
            if (line.startsWith("{")) {
                lines.add(Api.JSON.readTree(line));
            }
        }
        return lines;
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

}
