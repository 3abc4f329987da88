package nl.meedoen.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's metrics on {@code /actuator/prometheus}, for an administrator only:
 * request latency per route (as a histogram), the durations of the jobs, and the
 * installation's open signals and processing-log entries as gauges.
 */
@MeedoenIntegrationTest
class MetricsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    HikariDataSource owner;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAdministratorReadsLatencyPerRouteJobDurationsAndTheCountsOfSignalsAndLogEntries() throws Exception {
        assertThat(get("/api/v1/persons?q=ab", "begeleider").statusCode()).isEqualTo(200);

        HttpResponse<String> scrape = get("/actuator/prometheus", "beheerder");

        assertThat(scrape.statusCode()).isEqualTo(200);
        String metrics = scrape.body();
        assertThat(metrics).containsPattern(
                "http_server_requests_seconds_bucket\\{[^}]*method=\"GET\"[^}]*uri=\"/api/v1/persons\"[^}]*le=\"");
        assertThat(metrics).containsPattern("dbscheduler_task_duration_seconds_count\\{[^}]*task=\"audit-chaining\"");
        JdbcClient db = JdbcClient.create(owner);
        assertThat(gauge(metrics, "meedoen_signals_open"))
            .isEqualTo(db.sql("select count(*) from signal where status in ('OPEN', 'ACKNOWLEDGED')")
                .query(Long.class)
                .single())
            .isPositive();
        assertThat(gauge(metrics, "meedoen_audit_entries")).isPositive();
    }

    @Test
    void aScrapeUsesAnAdministratorsToken() throws Exception {
        Api.Response issued = Api.as(mvc, "beheerder")
            .post("/api/v1/tokens", Map.of("name", "Prometheus " + UUID.randomUUID(), "expiresOn",
                    LocalDate.now(Time.ZONE).plusMonths(1).toString()));
        assertThat(issued.status()).isEqualTo(201);

        HttpResponse<String> scrape = http.send(HttpRequest.newBuilder(URI.create(address("/actuator/prometheus")))
            .header("Authorization", "Bearer " + issued.body().get("token").asString())
            .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("meedoen_signals_open");
        assertThat(scrape.headers().firstValue("Set-Cookie")).as("a scrape makes no session").isEmpty();
    }

    @Test
    void otherRolesAndStrangersGetNoMetrics() throws Exception {
        assertThat(get("/actuator/prometheus", "begeleider").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", "privacy").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    }

    long gauge(String metrics, String name) {
        Matcher value = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+]+)$").matcher(metrics);
        assertThat(value.find()).as(name + " in the metrics").isTrue();
        return (long) Double.parseDouble(value.group(1));
    }

    String address(String path) {
        return "http://localhost:" + port + path;
    }

    HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address(path)))
            .header("Accept", "text/plain, application/json");
        if (user != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
