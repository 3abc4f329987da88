package nl.meedoen.network;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The network API contract: volunteers, match requests, ranked and explained candidates,
 * and buddy matches from proposal to end. Each test uses a language no demo volunteer
 * speaks, so its own volunteers are the candidates.
 */
@MeedoenIntegrationTest
@RecordApplicationEvents
class NetworkApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Autowired
    ApplicationEvents events;

    @Autowired
    TestClock clock;

    Api coordinator() {
        return Api.as(mvc, "coordinator");
    }

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    @Test
    void candidatesAreRankedBestFirstWithTheExplanationAndWithoutIneligibleVolunteers() {
        String sharesLanguage = volunteer("Taal", "kl", "3361 AA", "LANGUAGE_BUDDY", LocalDate.now().minusYears(1), 1);
        String sharesTheRest = volunteer("Buurt", "nl", "3362 AB", "LANGUAGE_BUDDY", LocalDate.now().minusYears(1), 1,
                Map.of("countries", List.of("GL"), "availability", List.of("MONDAY_MORNING")));
        String noVog = volunteer("Geenvog", "kl", "3362 AB", "LANGUAGE_BUDDY", null, 1);
        String expiredVog = volunteer("Oudevog", "kl", "3362 AB", "LANGUAGE_BUDDY", LocalDate.now().minusYears(3), 1);
        String otherRole = volunteer("Werk", "kl", "3362 AB", "WORK_MENTOR", LocalDate.now().minusYears(1), 1);
        String person = person();
        String request = request(person, "LANGUAGE_BUDDY", "kl",
                Map.of("countries", List.of("GL"), "availability", List.of("MONDAY_MORNING"), "postcode", "3362 CD"));

        Response candidates = coordinator().get("/api/v1/match-requests/" + request + "/candidates?limit=10");

        assertThat(candidates.status()).isEqualTo(200);
        List<String> ids = ids(candidates.body());
        assertThat(ids).hasSizeBetween(2, 10).doesNotContain(noVog, expiredVog, otherRole);
        assertThat(ids.get(0)).isEqualTo(sharesLanguage);
        assertThat(ids.indexOf(sharesTheRest)).isPositive();
        JsonNode best = candidates.body().get("items").get(0);
        assertThat(best.get("score").asInt()).isEqualTo(50 + 7 + 5);
        JsonNode language = best.get("explanation").get(0);
        assertThat(language.get("factor").asString()).isEqualTo("LANGUAGE");
        assertThat(language.get("points").asInt()).isEqualTo(50);
        assertThat(best.get("explanation")).hasSize(7);
        int previous = Integer.MAX_VALUE;
        for (JsonNode item : candidates.body().get("items")) {
            assertThat(item.get("score").asInt()).isLessThanOrEqualTo(previous);
            previous = item.get("score").asInt();
        }
        assertThat(auditEntries(person, "NETWORK_READ")).isEqualTo(1);
    }

    @Test
    void aVolunteerWithoutValidVogOrAtMaximumLoadCannotBeMatched() {
        String person = person();
        String request = request(person, "BUDDY", "fo", Map.of());
        String noVog = volunteer("Geenvog", "fo", "3361 AA", "BUDDY", null, 1);
        String expired = volunteer("Verlopen", "fo", "3361 AA", "BUDDY", LocalDate.now().minusYears(3), 1);
        String full = volunteer("Vol", "fo", "3361 AA", "BUDDY", LocalDate.now().minusMonths(3), 1);
        String otherRequest = request(person(), "BUDDY", "fo", Map.of());
        assertThat(coordinator().post("/api/v1/matches/buddy", proposal(otherRequest, full)).status()).isEqualTo(201);

        Response withoutVog = coordinator().post("/api/v1/matches/buddy", proposal(request, noVog));
        Response withExpiredVog = coordinator().post("/api/v1/matches/buddy", proposal(request, expired));
        Response atMaximum = coordinator().post("/api/v1/matches/buddy", proposal(request, full));

        assertThat(withoutVog.status()).isEqualTo(409);
        assertThat(withoutVog.body().get("detail").asString()).contains("VOG");
        assertThat(withExpiredVog.status()).isEqualTo(409);
        assertThat(atMaximum.status()).isEqualTo(409);
        assertThat(atMaximum.body().get("detail").asString()).contains("maximale aantal koppelingen");
        assertThat(ids(coordinator().get("/api/v1/match-requests/" + request + "/candidates").body()))
            .doesNotContain(noVog, expired, full);
    }

    @Test
    void aVolunteerIsACandidateUntilTheDayBeforeTheVogValidityYearsHavePassed() {
        LocalDate vog = LocalDate.now().minusYears(5);
        String volunteer = volunteer("Vogdag", "wa", "3361 AA", "BUDDY", vog, 1);
        String request = request(person(), "BUDDY", "wa", Map.of());
        String candidates = "/api/v1/match-requests/" + request + "/candidates";

        try (var lastDay = clock.fixedAt(vog.plusYears(3).minusDays(1))) {
            assertThat(ids(coordinator().get(candidates).body())).contains(volunteer);
        }
        try (var expired = clock.fixedAt(vog.plusYears(3))) {
            assertThat(ids(coordinator().get(candidates).body())).doesNotContain(volunteer);
            Response proposed = coordinator().post("/api/v1/matches/buddy", proposal(request, volunteer));
            assertThat(proposed.status()).isEqualTo(409);
            assertThat(proposed.body().get("detail").asString()).contains("VOG");
        }
    }

    @Test
    void aRequestTakesThePersonsGenderAndPostcodeFromTheFileWhenAskedOrNotGiven() {
        Map<String, Object> woman = Api.person("Selam", "Zelfdegeslacht");
        woman.put("gender", "FEMALE");
        woman.put("postcode", "3363 AB");
        Response created = caseworker().post("/api/v1/persons", woman);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String person = created.body().get("id").asString();

        String request = request(person, "BUDDY", "ti", Map.of("preferences", Map.of("sameGender", true)));

        JsonNode stored = caseworker().get("/api/v1/match-requests/" + request).body();
        assertThat(stored.get("preferences").get("gender").asString()).isEqualTo("FEMALE");
        assertThat(stored.get("postcode").asString()).startsWith("3363");
    }

    @Test
    void unknownRoleOrLanguageCodeIsRefusedWith400() {
        Map<String, Object> body = volunteerBody("Fout", "xx-nope", "3361 AA", "LANGUAGE_BUDDY", LocalDate.now());
        Response badLanguage = coordinator().post("/api/v1/volunteers", body);
        body = volunteerBody("Fout", "ar", "3361 AA", "TAXI_DRIVER", LocalDate.now());
        Response badRole = coordinator().post("/api/v1/volunteers", body);
        String person = person();
        Response badRequestRole = caseworker().post("/api/v1/persons/" + person + "/match-requests",
                Map.of("role", "CHAUFFEUR", "languages", List.of("ar")));
        Response badRequestLanguage = caseworker().post("/api/v1/persons/" + person + "/match-requests",
                Map.of("role", "BUDDY", "languages", List.of("zz")));

        assertThat(badLanguage.status()).isEqualTo(400);
        assertThat(badLanguage.body().get("errors").get(0).get("field").asString()).isEqualTo("languages");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.body().get("errors").get(0).get("field").asString()).isEqualTo("roles");
        assertThat(badRequestRole.status()).isEqualTo(400);
        assertThat(badRequestLanguage.status()).isEqualTo(400);
    }

    @Test
    void aMatchGoesFromProposedThroughIntroducedAndActiveToEndedAndNoOtherWay() {
        String person = person();
        String request = request(person, "LANGUAGE_BUDDY", "mt", Map.of());
        String volunteer = volunteer("Levens", "mt", "3363 AA", "LANGUAGE_BUDDY", LocalDate.now().minusYears(2), 2);

        Response proposed = coordinator().post("/api/v1/matches/buddy", proposal(request, volunteer));
        assertThat(proposed.status()).isEqualTo(201);
        assertThat(proposed.body().get("status").asString()).isEqualTo("PROPOSED");
        String match = proposed.body().get("id").asString();
        String path = "/api/v1/matches/buddy/" + match;
        assertThat(caseworker().get("/api/v1/match-requests/" + request).body().get("status").asString())
            .isEqualTo("MATCHED");

        assertThat(coordinator().post(path + "/status", Map.of("status", "ACTIVE"), coordinator().etag(path)).status())
            .isEqualTo(409);
        assertThat(coordinator().post(path + "/log", Map.of("heldOn", LocalDate.now().toString(), "hours", 1)).status())
            .isEqualTo(409);
        assertThat(
                coordinator().post(path + "/status", Map.of("status", "INTRODUCED"), coordinator().etag(path)).status())
            .isEqualTo(200);
        assertThat(coordinator().post(path + "/status", Map.of("status", "ACTIVE"), coordinator().etag(path)).status())
            .isEqualTo(200);
        assertThat(coordinator()
            .post(path + "/log",
                    Map.of("heldOn", LocalDate.now().toString(), "hours", 1.5, "note", "Samen naar de markt"))
            .status()).isEqualTo(201);
        assertThat(coordinator().post(path + "/log", Map.of("heldOn", LocalDate.now().toString(), "hours", 2)).status())
            .isEqualTo(201);
        assertThat(coordinator().post(path + "/status", Map.of("status", "ENDED"), coordinator().etag(path)).status())
            .isEqualTo(400);
        Response ended = coordinator().post(path + "/status",
                Map.of("status", "ENDED", "reason", "Verhuisd naar Rotterdam"), coordinator().etag(path));
        assertThat(ended.status()).isEqualTo(200);
        assertThat(coordinator().post(path + "/status", Map.of("status", "ACTIVE"), coordinator().etag(path)).status())
            .isEqualTo(409);
        String before = ended.header("ETag");
        assertThat(before).isEqualTo(coordinator().etag(path));
        assertThat(coordinator().post(path + "/status", Map.of("status", "ENDED", "reason", "x"), "\"0\"").status())
            .isEqualTo(412);
        assertThat(coordinator().post(path + "/status", Map.of("status", "ENDED", "reason", "x"), null).status())
            .isEqualTo(428);

        JsonNode read = caseworker().get(path).body();
        assertThat(read.get("status").asString()).isEqualTo("ENDED");
        assertThat(read.get("endReason").asString()).isEqualTo("Verhuisd naar Rotterdam");
        assertThat(read.get("meetings").asInt()).isEqualTo(2);
        assertThat(read.get("hours").decimalValue()).isEqualByComparingTo("3.5");
        assertThat(read.get("log")).hasSize(2);
        UUID matchId = UUID.fromString(match);
        assertThat(events.stream(BuddyMatchProposed.class).filter(e -> e.matchId().equals(matchId))).hasSize(1);
        assertThat(events.stream(BuddyMatchIntroduced.class).filter(e -> e.matchId().equals(matchId))).hasSize(1);
        assertThat(events.stream(BuddyMatchStarted.class).filter(e -> e.matchId().equals(matchId))).hasSize(1);
        assertThat(events.stream(BuddyMatchEnded.class).filter(e -> e.matchId().equals(matchId))).singleElement()
            .satisfies(e -> assertThat(e.municipalityId()).isNotNull());
        assertThat(auditEntries(person, "NETWORK_UPDATE")).isGreaterThanOrEqualTo(7);
    }

    @Test
    void aMatchEndedBeforeItBecameActiveReopensItsRequest() {
        String request = request(person(), "PARENT_BUDDY", "is", Map.of());
        String volunteer = volunteer("Heropend", "is", "3363 AA", "PARENT_BUDDY", LocalDate.now().minusYears(1), 1);
        String match = coordinator().post("/api/v1/matches/buddy", proposal(request, volunteer))
            .body()
            .get("id")
            .asString();

        coordinator().post("/api/v1/matches/buddy/" + match + "/status",
                Map.of("status", "ENDED", "reason", "Klikte niet bij de kennismaking"),
                coordinator().etag("/api/v1/matches/buddy/" + match));

        assertThat(caseworker().get("/api/v1/match-requests/" + request).body().get("status").asString())
            .isEqualTo("OPEN");
        assertThat(ids(coordinator().get("/api/v1/match-requests/" + request + "/candidates").body()))
            .contains(volunteer);
    }

    @Test
    void theCheckInIsDueFourWeeksAfterTheMatchBecameActiveUntilOneIsLogged() {
        String request = request(person(), "WORK_MENTOR", "cy", Map.of());
        String volunteer = volunteer("Checkin", "cy", "3363 AA", "WORK_MENTOR", LocalDate.now().minusYears(1), 1);
        String path = "/api/v1/matches/buddy/"
                + coordinator().post("/api/v1/matches/buddy", proposal(request, volunteer)).body().get("id").asString();
        LocalDate started = LocalDate.now().minusWeeks(5);
        JdbcClient.create(ownerDataSource)
            .sql("update buddy_match set proposed_on = :d where id = cast(:id as uuid)")
            .param("d", started.minusWeeks(1))
            .param("id", path.substring(path.lastIndexOf('/') + 1))
            .update();
        coordinator().post(path + "/status", Map.of("status", "INTRODUCED", "date", started.minusDays(3).toString()),
                coordinator().etag(path));
        coordinator().post(path + "/status", Map.of("status", "ACTIVE", "date", started.toString()),
                coordinator().etag(path));

        assertThat(coordinator().get(path).body().get("checkInDue").asString())
            .isEqualTo(started.plusWeeks(4).toString());
        coordinator().post(path + "/log", Map.of("kind", "CHECK_IN", "heldOn", LocalDate.now().toString()));
        assertThat(coordinator().get(path).body().has("checkInDue")
                && !coordinator().get(path).body().get("checkInDue").isNull())
            .isFalse();
    }

    @Test
    void theContactCountHoldsContactsAndRunningBuddies() {
        String person = person();
        caseworker().post("/api/v1/persons/" + person + "/contacts", Map.of("kind", "FAMILY", "name", "Zus"));
        caseworker().post("/api/v1/persons/" + person + "/contacts", Map.of("kind", "CLUB", "name", "Trainer"));
        String request = request(person, "BUDDY", "eu", Map.of());
        String volunteer = volunteer("Netwerk", "eu", "3363 AA", "BUDDY", LocalDate.now().minusYears(1), 1);
        String match = coordinator().post("/api/v1/matches/buddy", proposal(request, volunteer))
            .body()
            .get("id")
            .asString();
        assertThat(caseworker().get("/api/v1/persons/" + person + "/contacts").body().get("count").asInt())
            .isEqualTo(2);

        coordinator().post("/api/v1/matches/buddy/" + match + "/status", Map.of("status", "INTRODUCED"),
                coordinator().etag("/api/v1/matches/buddy/" + match));

        JsonNode network = caseworker().get("/api/v1/persons/" + person + "/contacts").body();
        assertThat(network.get("count").asInt()).isEqualTo(3);
        assertThat(network.get("countByKind").get("BUDDY").asInt()).isEqualTo(1);
        assertThat(network.get("items")).hasSize(2);
    }

    @Test
    void rolesDecideWhoManagesVolunteersAndWhoRequestsMatches() {
        Map<String, Object> body = volunteerBody("Rol", "ar", "3361 AA", "BUDDY", LocalDate.now());
        assertThat(caseworker().post("/api/v1/volunteers", body).status()).isEqualTo(403);
        assertThat(Api.as(mvc, "beleid").get("/api/v1/volunteers").status()).isEqualTo(403);
        String person = person();
        assertThat(
                coordinator().post("/api/v1/persons/" + person + "/match-requests", Map.of("role", "BUDDY")).status())
            .isEqualTo(403);
        String request = request(person, "BUDDY", "lb", Map.of());
        assertThat(
                Api.as(mvc, "begeleider.dordrecht").get("/api/v1/match-requests/" + request + "/candidates").status())
            .isEqualTo(404);
        assertThat(caseworker().get("/api/v1/match-requests/" + request + "/candidates").status()).isEqualTo(200);
    }

    @Test
    void aVolunteerIsChangedOnlyWithTheCurrentVersion() {
        String id = volunteer("Versie", "ar", "3361 AA", "BUDDY", LocalDate.now().minusYears(1), 1);
        Response read = coordinator().get("/api/v1/volunteers/" + id);
        Map<String, Object> body = volunteerBody("Versie", "ar", "3362 BB", "BUDDY", LocalDate.now().minusYears(1));

        assertThat(coordinator().put("/api/v1/volunteers/" + id, body, null).status()).isEqualTo(428);
        assertThat(coordinator().put("/api/v1/volunteers/" + id, body, read.header("ETag")).status()).isEqualTo(200);
        assertThat(coordinator().put("/api/v1/volunteers/" + id, body, read.header("ETag")).status()).isEqualTo(412);
        assertThat(coordinator().get("/api/v1/volunteers/" + id).body().get("postcode").asString())
            .isEqualTo("3362 BB");
    }

    private String volunteer(String familyName, String language, String postcode, String role, LocalDate vogDate,
            int maxMatches) {
        return volunteer(familyName, language, postcode, role, vogDate, maxMatches, Map.of());
    }

    private String volunteer(String familyName, String language, String postcode, String role, LocalDate vogDate,
            int maxMatches, Map<String, Object> extra) {
        Map<String, Object> body = volunteerBody(familyName, language, postcode, role, vogDate);
        body.put("maxMatches", maxMatches);
        body.putAll(extra);
        Response created = coordinator().post("/api/v1/volunteers", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static Map<String, Object> volunteerBody(String familyName, String language, String postcode, String role,
            LocalDate vogDate) {
        Map<String, Object> body = new HashMap<>();
        body.put("givenName", "Test");
        body.put("familyName", familyName);
        body.put("languages", List.of(language));
        body.put("roles", List.of(role));
        body.put("vogDate", vogDate == null ? null : vogDate.toString());
        body.put("postcode", postcode);
        return body;
    }

    private String person() {
        Response created = caseworker().post("/api/v1/persons", Api.person("Netwerk", "Testpersoon"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private String request(String person, String role, String language, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("role", role, "languages", List.of(language)));
        body.putAll(extra);
        Response created = caseworker().post("/api/v1/persons/" + person + "/match-requests", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static Map<String, Object> proposal(String request, String volunteer) {
        return Map.of("matchRequestId", request, "volunteerId", volunteer);
    }

    private static List<String> ids(JsonNode body) {
        return body.get("items").valueStream().map(i -> i.get("volunteerId").asString()).toList();
    }

    private long auditEntries(String person, String action) {
        return JdbcClient.create(ownerDataSource)
            .sql("select count(*) from audit_entry where person_id = cast(:p as uuid) and action = :a")
            .param("p", person)
            .param("a", action)
            .query(Long.class)
            .single();
    }

}
