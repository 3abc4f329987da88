package nl.meedoen.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import nl.meedoen.MeedoenApplication;
import nl.meedoen.identity.DemoData;
import nl.meedoen.identity.Municipality;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of Meedoen on one database, as behind a load balancer: the test's own
 * application and a second one started here on the same PostgreSQL (as an external
 * server). Any instance serves any session, a change on one is seen on the other (also
 * through the candidate list the network module keeps in memory), the nightly job runs
 * once and an event is handled once. The second instance's start also shows its
 * readiness: it answers liveness at once but readiness only after its start-up work (the
 * demo seeding, here held up by one slow part) is done.
 */
@MeedoenIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static final Pattern SESSION = Pattern.compile("MEEDOEN_SESSION=([^;]+)");

    @LocalServerPort
    int firstPort;

    @Autowired
    @Qualifier("owner")
    HikariDataSource owner;

    @Autowired
    DataSource dataSource;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    final CountDownLatch startUpWorkMayFinish = new CountDownLatch(1);

    final CompletableFuture<Integer> secondPort = new CompletableFuture<>();

    CompletableFuture<ConfigurableApplicationContext> second;

    JdbcClient db;

    @BeforeAll
    void startTheSecondInstance() throws Exception {
        db = JdbcClient.create(owner);
        String applicationPassword = dataSource.unwrap(HikariDataSource.class).getPassword();
        SpringApplicationBuilder builder = new SpringApplicationBuilder(MeedoenApplication.class)
            .initializers(context -> ((GenericApplicationContext) context).registerBean("slowStartUpWork",
                    DemoData.class, () -> new SlowStartUpWork(startUpWorkMayFinish)))
            .listeners(new ApplicationListener<WebServerInitializedEvent>() {
                @Override
                public void onApplicationEvent(WebServerInitializedEvent started) {
                    secondPort.complete(started.getWebServer().getPort());
                }
            });
        second = CompletableFuture.supplyAsync(() -> builder.run("--server.port=0", "--meedoen.demo=true",
                "--spring.datasource.url=" + owner.getJdbcUrl(), "--spring.datasource.username=" + owner.getUsername(),
                "--spring.datasource.password=" + owner.getPassword(),
                "--meedoen.datasource.app-password=" + applicationPassword, "--meedoen.jobs.polling-interval=500ms",
                "--meedoen.jobs.instance-name=second-instance"));
        second.whenComplete((context, failure) -> {
            if (failure != null) {
                secondPort.completeExceptionally(failure);
            }
        });
        secondPort.get(180, TimeUnit.SECONDS);
    }

    @AfterAll
    void stopTheSecondInstance() throws Exception {
        startUpWorkMayFinish.countDown();
        second.get(180, TimeUnit.SECONDS).close();
    }

    @Test
    void theSecondInstanceIsAliveAtOnceButReadyOnlyWhenItsStartUpWorkIsDone() throws Exception {
        if (startUpWorkMayFinish.getCount() > 0) {
            HttpResponse<String> readiness = get(secondPort(), "/actuator/health/readiness", null);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("OUT_OF_SERVICE");
            assertThat(get(secondPort(), "/actuator/health", null).statusCode()).isEqualTo(503);
            HttpResponse<String> liveness = get(secondPort(), "/actuator/health/liveness", null);
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(liveness.body()).contains("UP");
        }
        int port = ready();

        HttpResponse<String> readiness = get(port, "/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(get(port, "/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get(firstPort, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aLoginOnOneInstanceIsValidOnTheOtherAndALogoutThereEndsItEverywhere() throws Exception {
        int other = ready();
        HttpResponse<String> loginPage = get(firstPort, "/inloggen", null);
        String anonymous = session(loginPage);
        HttpResponse<String> login = post(firstPort, "/inloggen", anonymous,
                Map.of("username", "begeleider", "password", "demo", "_csrf", csrf(loginPage.body())));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("inloggen");
        String session = session(login);

        HttpResponse<String> onTheOther = get(other, "/personen", session);
        assertThat(onTheOther.statusCode()).isEqualTo(200);
        assertThat(onTheOther.body()).contains("action=\"/uitloggen\"");

        HttpResponse<String> logout = post(other, "/uitloggen", session, Map.of("_csrf", csrf(onTheOther.body())));
        assertThat(logout.statusCode()).isEqualTo(302);
        HttpResponse<String> afterwards = get(firstPort, "/personen", session);
        assertThat(afterwards.statusCode()).isEqualTo(302);
        assertThat(afterwards.headers().firstValue("Location").orElseThrow()).contains("/inloggen");
    }

    @Test
    void aChangeOnOneInstanceIsSeenOnTheOtherAlsoInTheCandidatesKeptInMemory() throws Exception {
        int other = ready();
        String person = created(firstPort, "begeleider", "/api/v1/persons", Api.person("Twee", "Instanties"));
        JsonNode read = json(get(other, "/api/v1/persons/" + person, basic("begeleider")));
        assertThat(read.get("familyName").asString()).isEqualTo("Instanties");

        String request = created(other, "begeleider", "/api/v1/persons/" + person + "/match-requests",
                Map.of("role", "BUDDY", "languages", List.of("ik")));
        String candidates = "/api/v1/match-requests/" + request + "/candidates?limit=100";
        // both instances now hold the municipality's candidates in memory
        assertThat(candidateIds(firstPort, candidates)).isNotNull();
        List<String> before = candidateIds(other, candidates);

        String volunteer = created(firstPort, "coordinator", "/api/v1/volunteers",
                Map.of("givenName", "Test", "familyName", "Tweede", "languages", List.of("ik"), "roles",
                        List.of("BUDDY"), "vogDate", LocalDate.now(Time.ZONE).minusMonths(2).toString(), "postcode",
                        "3361 AA"));

        assertThat(before).doesNotContain(volunteer);
        assertThat(candidateIds(other, candidates)).contains(volunteer);
    }

    @Test
    void aNightlyJobRunsOnceOnTwoInstances() throws Exception {
        ready();
        Instant started = Instant.now();
        db.sql("update scheduled_tasks set execution_time = now() where task_name = 'signals-nightly'").update();

        await().atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> nightlyRunsSince(started) > 0);
        // both instances poll at least twice more: neither takes the execution again
        Thread.sleep(3_000);

        assertThat(nightlyRunsSince(started)).isEqualTo(1);
        assertThat(db.sql("select execution_time from scheduled_tasks where task_name = 'signals-nightly'")
            .query(Timestamp.class)
            .single()
            .toInstant()).isAfter(Instant.now());
    }

    @Test
    void anEventIsHandledOnceOnTwoInstances() throws Exception {
        int other = ready();
        String person = created(other, "begeleider", "/api/v1/persons", Api.person("Gebeurtenis", "Eenmaal"));
        LocalDate twelveWeeksAgo = LocalDate.now(Time.ZONE).minusWeeks(12);
        created(firstPort, "begeleider", "/api/v1/matches",
                Map.of("personIds", List.of(person), "matchDate", twelveWeeksAgo.toString()));

        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> db.sql(
                    "select count(*) from event_publication where serialized_event like :p and completion_date is null")
                .param("p", "%" + person + "%")
                .query(Long.class)
                .single() == 0);
        Thread.sleep(2_000);

        List<Map<String, Object>> publications = db.sql("""
                select listener_id, count(*) as published, count(completion_date) as completed
                  from event_publication
                 where serialized_event like :p and event_type like '%HouseholdMatched%'
                 group by listener_id""").param("p", "%" + person + "%").query().listOfRows();
        assertThat(publications).isNotEmpty()
            .allSatisfy(listener -> assertThat(listener).containsEntry("published", 1L).containsEntry("completed", 1L));
        assertThat(
                db.sql("select count(*) from signal where person_id = cast(:p as uuid) and rule = 'HOUSING_DEADLINE'")
                    .param("p", person)
                    .query(Long.class)
                    .single())
            .isEqualTo(1);
    }

    /** The second instance's port, once its start-up work is done. */
    int ready() throws Exception {
        startUpWorkMayFinish.countDown();
        second.get(180, TimeUnit.SECONDS);
        return secondPort();
    }

    int secondPort() throws Exception {
        return secondPort.get(180, TimeUnit.SECONDS);
    }

    long nightlyRunsSince(Instant started) {
        return db.sql("select count(distinct run_id) from signal_run where trigger = 'NIGHTLY' and finished_at >= :s")
            .param("s", Timestamp.from(started))
            .query(Long.class)
            .single();
    }

    List<String> candidateIds(int port, String path) throws Exception {
        HttpResponse<String> response = get(port, path, basic("begeleider"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("items").valueStream().map(item -> item.get("volunteerId").asString()).toList();
    }

    String created(int port, String user, String path, Object body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(address(port, path)))
            .header("Authorization", basic(user))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode created = json(response);
        return created.has("id") ? created.get("id").asString() : "";
    }

    HttpResponse<String> get(int port, String path, String credentials) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address(port, path))).GET();
        if (credentials != null) {
            request.header(credentials.startsWith("Basic ") ? "Authorization" : "Cookie",
                    credentials.startsWith("Basic ") ? credentials : "MEEDOEN_SESSION=" + credentials);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(int port, String path, String session, Map<String, String> form)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
            .append(name)
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create(address(port, path)))
            .header("Cookie", "MEEDOEN_SESSION=" + session)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String address(int port, String path) {
        return "http://localhost:" + port + path;
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<String> response) {
        return Api.JSON.readTree(response.body());
    }

    static String csrf(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a form with a CSRF token").isTrue();
        return token.group(1).replace("&#45;", "-");
    }

    static String session(HttpResponse<String> response) {
        return response.headers()
            .allValues("Set-Cookie")
            .stream()
            .map(SESSION::matcher)
            .filter(Matcher::find)
            .map(found -> found.group(1))
            .reduce((first, last) -> last)
            .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
    }

    /**
     * Start-up work that takes as long as the test wants: a part of the demo seeding that
     * waits for the latch.
     */
    record SlowStartUpWork(CountDownLatch mayFinish) implements DemoData {

        @Override
        public Phase phase() {
            return Phase.SIGNALS;
        }

        @Override
        public boolean presentIn(Municipality municipality) {
            return false;
        }

        @Override
        public void seed(Municipality municipality) {
            try {
                if (!mayFinish.await(3, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the test never let the start-up work finish");
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }

    }

}
