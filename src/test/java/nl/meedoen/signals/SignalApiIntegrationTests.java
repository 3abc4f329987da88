package nl.meedoen.signals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signals API: the caller's signals with their explanation, the lifecycle with its
 * checked steps, self-resolution, no duplicates, the settings, outreach reports, and
 * another municipality that sees none of it.
 */
@MeedoenIntegrationTest
class SignalApiIntegrationTests {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    @Autowired
    TestClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Municipalities municipalities;

    @Autowired
    Signals signals;

    SignalFixtures given;

    @BeforeEach
    void fixtures() {
        given = new SignalFixtures(municipalities, jdbc, mvc, signals);
    }

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    /** A person of begeleider's with an overdue PIP, evaluated on the fixed day. */
    UUID overduePlan() {
        UUID person = given.person();
        given.assign(person, given.caseworker("begeleider"), TODAY.minusMonths(3));
        given.duty(person, TODAY.minusWeeks(12), TODAY.minusDays(3));
        try (var day = clock.fixedAt(TODAY)) {
            given.evaluate(person);
        }
        return person;
    }

    JsonNode mine(UUID person) {
        Api.Response list = caseworker().get("/api/v1/signals?status=OPEN&rule=PLAN_OVERDUE&owner=me&size=100");
        assertThat(list.status()).isEqualTo(200);
        for (JsonNode item : list.body().get("items")) {
            if (item.get("personId").asString().equals(person.toString())) {
                return item;
            }
        }
        throw new AssertionError("no signal for " + person);
    }

    @Test
    void theCaseworkerSeesTheirSignalExplainedWithTheFactsAndTheTab() {
        UUID person = overduePlan();
        JsonNode signal = mine(person);
        assertThat(signal.get("rule").asString()).isEqualTo("PLAN_OVERDUE");
        assertThat(signal.get("severity").asString()).isEqualTo("HIGH");
        assertThat(signal.get("status").asString()).isEqualTo("OPEN");
        assertThat(signal.get("since").asString()).isEqualTo(TODAY.minusDays(2).toString());
        assertThat(signal.get("explanation").asString())
            .isEqualTo("De termijn voor het PIP is op 12-06-2025 verstreken en er is nog geen PIP vastgesteld.");
        assertThat(signal.get("href").asString()).isEqualTo("/personen/" + person + "/traject");
        assertThat(caseworker().get("/api/v1/signals?owner=me").body().get("totalItems").asInt()).isPositive();
        int reads = given.one("select count(*) from audit_entry where person_id = :p and action = 'SIGNAL_READ'",
                Integer.class, "p", person);
        assertThat(reads).isPositive();
    }

    @Test
    void reEvaluationRaisesNoDuplicatesAndTheSignalResolvesByItselfWhenThePlanIsAdopted() {
        UUID person = overduePlan();
        try (var day = clock.fixedAt(TODAY)) {
            given.evaluate(person, person);
        }
        assertThat(given.statuses(person, SignalCode.PLAN_OVERDUE)).containsExactly("OPEN");

        given.sql("update integration_duty set plan_adopted_on = :d, route = 'B1' where person_id = :p", "p", person,
                "d", TODAY.minusDays(1));
        try (var day = clock.fixedAt(TODAY)) {
            given.evaluate(person);
        }
        assertThat(given.statuses(person, SignalCode.PLAN_OVERDUE)).containsExactly("RESOLVED");
        assertThat(given.one("select resolved_by_itself from signal where person_id = :p and rule = 'PLAN_OVERDUE'",
                Boolean.class, "p", person))
            .isTrue();
    }

    @Test
    void aSignalIsAcknowledgedSnoozedAndDismissedWithAReasonAndAClosedOneStaysClosed() {
        UUID person = overduePlan();
        String path = "/api/v1/signals/" + mine(person).get("id").asString() + "/transitions";
        try (var day = clock.fixedAt(TODAY)) {
            Api.Response acknowledged = caseworker().post(path,
                    Map.of("to", "ACKNOWLEDGED", "until", TODAY.plusDays(7).toString()));
            assertThat(acknowledged.status()).isEqualTo(200);
            assertThat(acknowledged.body().get("snoozedUntil").asString()).isEqualTo(TODAY.plusDays(7).toString());
            assertThat(acknowledged.header("ETag")).isEqualTo("\"1\"");

            Api.Response stale = transition(path, Map.of("to", "RESOLVED"), "\"0\"");
            assertThat(stale.status()).isEqualTo(412);

            Api.Response noReason = caseworker().post(path, Map.of("to", "DISMISSED"));
            assertThat(noReason.status()).isEqualTo(400);
            assertThat(noReason.body().get("errors").get(0).get("field").asString()).isEqualTo("note");

            Api.Response dismissed = transition(path, Map.of("to", "DISMISSED", "note", "Verhuisd naar elders"),
                    "\"1\"");
            assertThat(dismissed.status()).isEqualTo(200);
            assertThat(dismissed.body().get("status").asString()).isEqualTo("DISMISSED");

            Api.Response again = caseworker().post(path, Map.of("to", "RESOLVED"));
            assertThat(again.status()).isEqualTo(409);
            assertThat(caseworker().post(path, Map.of("to", "OPENED")).status()).isEqualTo(400);
        }
        int changes = given.one("select count(*) from audit_entry where person_id = :p and action = 'SIGNAL_UPDATE'",
                Integer.class, "p", person);
        assertThat(changes).isEqualTo(2);
    }

    @Test
    void anotherMunicipalitySeesNoneOfTheSignals() {
        UUID person = overduePlan();
        String id = mine(person).get("id").asString();
        Api dordrecht = Api.as(mvc, "begeleider.dordrecht");
        Api.Response theirs = dordrecht.get("/api/v1/signals?size=100");
        assertThat(theirs.status()).isEqualTo(200);
        for (JsonNode item : theirs.body().get("items")) {
            assertThat(item.get("id").asString()).isNotEqualTo(id);
            assertThat(item.get("personId").asString()).isNotEqualTo(person.toString());
        }
        assertThat(dordrecht.post("/api/v1/signals/" + id + "/transitions", Map.of("to", "ACKNOWLEDGED")).status())
            .isEqualTo(404);
    }

    @Test
    void onlyATeamLeadListsTheTeamsSignalsAndOnlyAnAdministratorStartsTheEvaluation() {
        assertThat(caseworker().get("/api/v1/signals?owner=team").status()).isEqualTo(403);
        assertThat(Api.as(mvc, "teamleider").get("/api/v1/signals?owner=team").status()).isEqualTo(200);
        assertThat(caseworker().post("/api/v1/signals/evaluation", Map.of()).status()).isEqualTo(403);
        Api.Response run = Api.as(mvc, "beheerder").post("/api/v1/signals/evaluation", Map.of());
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.body().get("evaluatedPersons").asInt()).isPositive();
        assertThat(run.body().has("raised")).isTrue();
        assertThat(run.body().has("resolved")).isTrue();
    }

    @Test
    void aDisabledRuleRaisesNothingAndTheSettingsNeedTheirVersion() {
        Api admin = Api.as(mvc, "beheerder");
        Api.Response current = admin.get("/api/v1/signal-settings");
        assertThat(current.status()).isEqualTo(200);
        JsonNode ontzorgen = rule(current.body(), "ONTZORGEN_ENDING");
        assertThat(ontzorgen.get("thresholds").get(0).get("defaultValue").asInt()).isEqualTo(30);
        Map<String, Object> off = Map.of("rules",
                List.of(Map.of("rule", "ONTZORGEN_ENDING", "enabled", false, "thresholds", List.of())));
        assertThat(admin.put("/api/v1/signal-settings", off, null).status()).isEqualTo(428);
        assertThat(
                admin
                    .put("/api/v1/signal-settings",
                            Map.of("rules",
                                    List.of(Map.of("rule", "ONTZORGEN_ENDING", "enabled", true, "thresholds",
                                            List.of(Map.of("name", "days", "value", 9999))))),
                            current.header("ETag"))
                    .status())
            .isEqualTo(400);
        Api.Response disabled = admin.put("/api/v1/signal-settings", off, current.header("ETag"));
        assertThat(disabled.status()).isEqualTo(200);
        try {
            assertThat(rule(disabled.body(), "ONTZORGEN_ENDING").get("enabled").asBoolean()).isFalse();
            assertThat(admin.put("/api/v1/signal-settings", off, current.header("ETag")).status()).isEqualTo(412);
            UUID person = given.person();
            given.sql("""
                    insert into ontzorgen (municipality_id, person_id, assistance_start, end_date)
                    values (:m, :p, :s, :e)""", "p", person, "s", TODAY.minusMonths(5), "e", TODAY.plusDays(10));
            try (var day = clock.fixedAt(TODAY)) {
                given.evaluate(person);
            }
            assertThat(given.statuses(person, SignalCode.ONTZORGEN_ENDING)).isEmpty();
        }
        finally {
            Api.Response now = admin.get("/api/v1/signal-settings");
            assertThat(admin.put("/api/v1/signal-settings", Map.of("rules", List.of()), now.header("ETag")).status())
                .isEqualTo(200);
        }
    }

    @Test
    void aPartnersOutreachReportLandsForTheTeamAndThePartnerSeesOnlyItsStatus() {
        Api partner = Api.as(mvc, "partner");
        Api.Response created = partner.post("/api/v1/outreach-reports",
                Map.of("description", "Buurvrouw komt nooit buiten en spreekt geen Nederlands", "contact",
                        "Dorpsstraat 1", "agreedToContact", true));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(
                partner.post("/api/v1/outreach-reports", Map.of("description", " ", "agreedToContact", true)).status())
            .isEqualTo(400);

        JsonNode own = find(partner.get("/api/v1/outreach-reports").body(), id);
        assertThat(own.get("status").asString()).isEqualTo("REPORTED");
        assertThat(own.get("description").isNull()).isTrue();

        Api lead = Api.as(mvc, "teamleider");
        Api.Response team = lead.get("/api/v1/signals?owner=team&rule=OUTREACH_REPORTED&size=100");
        JsonNode signal = null;
        for (JsonNode item : team.body().get("items")) {
            if (id.equals(item.get("outreachReportId").asString())) {
                signal = item;
            }
        }
        assertThat(signal).isNotNull();
        assertThat(signal.get("explanation").asString()).contains("partner").contains("ja");

        Api.Response contacted = lead.post("/api/v1/outreach-reports/" + id + "/transitions",
                Map.of("to", "CONTACTED", "note", "Eerste gesprek bij haar thuis"));
        assertThat(contacted.status()).isEqualTo(200);
        assertThat(lead.post("/api/v1/outreach-reports/" + id + "/transitions", Map.of("to", "REPORTED")).status())
            .isEqualTo(409);
        assertThat(find(partner.get("/api/v1/outreach-reports").body(), id).get("status").asString())
            .isEqualTo("CONTACTED");
        assertThat(given.one("select status from signal where outreach_report_id = :r", String.class, "r",
                UUID.fromString(id)))
            .isEqualTo("RESOLVED");
    }

    Api.Response transition(String path, Map<String, Object> body, String ifMatch) {
        return caseworker().perform(MockMvcRequestBuilders.post(path)
            .contentType(MediaType.APPLICATION_JSON)
            .header("If-Match", ifMatch)
            .content(Api.JSON.writeValueAsString(body)));
    }

    static JsonNode rule(JsonNode settings, String code) {
        for (JsonNode rule : settings.get("rules")) {
            if (rule.get("rule").asString().equals(code)) {
                return rule;
            }
        }
        throw new AssertionError(code);
    }

    static JsonNode find(JsonNode list, String id) {
        for (JsonNode item : list.get("items")) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id);
    }

}
