package nl.meedoen.plans;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.plans.internal.PlanSettings;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Progress on the plan: language levels per skill over time, NT2 lesson hours that reach
 * the trajectory, the review interval of the municipality, the plan as a PDF letter, and
 * the draft plan that follows when social guidance hands a person over to the local
 * policy.
 */
@MeedoenIntegrationTest
class PlanProgressIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Autowired
    PlanSettings settings;

    @Autowired
    Municipalities municipalities;

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    @Test
    void languageLevelsComeBackInDateOrderPerSkill() {
        String person = person(null);
        level(person, "SPEAKING", "A2", "2025-09-01", "TEST");
        level(person, "READING", "A1", "2025-03-01", "TEACHER_ASSESSMENT");
        level(person, "READING", "A2", "2025-09-01", "EXAM");
        level(person, "SPEAKING", "A1", "2025-03-01", "TEST");

        JsonNode items = caseworker().get(levels(person)).body().get("items");

        assertThat(items).hasSize(4);
        assertThat(items.get(0).get("assessedOn").asString()).isEqualTo("2025-03-01");
        assertThat(items.get(0).get("skill").asString()).isEqualTo("READING");
        assertThat(items.get(1).get("skill").asString()).isEqualTo("SPEAKING");
        assertThat(items.get(1).get("level").asString()).isEqualTo("A1");
        assertThat(items.get(2).get("assessedOn").asString()).isEqualTo("2025-09-01");
        assertThat(items.get(2).get("source").asString()).isEqualTo("EXAM");
        assertThat(items.get(3).get("level").asString()).isEqualTo("A2");
    }

    @Test
    void unknownSkillOrLevelOrSourceIsRefused() {
        String person = person(null);
        assertThat(caseworker()
            .post(levels(person),
                    Map.of("skill", "SINGING", "level", "A1", "assessedOn", "2025-01-01", "source", "TEST"))
            .status()).isEqualTo(400);
        Response badLevel = caseworker().post(levels(person),
                Map.of("skill", "READING", "level", "D1", "assessedOn", "2025-01-01", "source", "TEST"));
        assertThat(badLevel.status()).isEqualTo(400);
        assertThat(badLevel.body().toString()).contains("A0 tot en met C2");
        assertThat(caseworker()
            .post(levels(person),
                    Map.of("skill", "READING", "level", "A1", "assessedOn", "2025-01-01", "source", "GUESS"))
            .status()).isEqualTo(400);
        assertThat(caseworker().get(levels(person)).body().get("items")).isEmpty();
    }

    @Test
    void lessonHoursAddUpAndTheTotalReachesTheTrajectory() {
        String person = person(null);
        assertThat(caseworker()
            .post(lessons(person),
                    Map.of("followedUntil", "2025-06-30", "hours", 240.5, "provider", "Taalschool De Brug"))
            .status()).isEqualTo(201);
        assertThat(caseworker().post(lessons(person), Map.of("followedUntil", "2025-12-31", "hours", 360)).status())
            .isEqualTo(201);

        JsonNode hours = caseworker().get(lessons(person)).body();
        assertThat(hours.get("total").decimalValue()).isEqualByComparingTo("600.5");
        assertThat(hours.get("items")).hasSize(2);
        Map<String, Object> reported = JdbcClient.create(ownerDataSource)
            .sql("select total_hours, as_of from nt2_lesson_hours where person_id = cast(:p as uuid)")
            .param("p", person)
            .query()
            .singleRow();
        assertThat((BigDecimal) reported.get("total_hours")).isEqualByComparingTo("600.5");
        assertThat(reported.get("as_of").toString()).isEqualTo("2025-12-31");
        assertThat(caseworker().post(lessons(person), Map.of("followedUntil", "2025-12-31", "hours", -3)).status())
            .isEqualTo(400);
    }

    @Test
    void theNextReviewFollowsTheMunicipalitysInterval() {
        UUID sliedrecht = municipalities.byCode("0610").orElseThrow().id();
        PlanSettings.Settings before = Tenancy.runAs(sliedrecht, settings::current);
        Tenancy.runAs(sliedrecht, () -> settings.change(new PlanSettings.Settings(2, before.wegwijsPlaces())));
        try {
            String person = person(null);
            String goal = goal(person, "LANGUAGE", "Spreken op A2");
            Response review = caseworker().post("/api/v1/persons/" + person + "/reviews",
                    Map.of("heldOn", LocalDate.now().toString(), "notes", "Loopt achter door ziekte.", "goalStatuses",
                            Map.of(goal, "AT_RISK")));
            assertThat(review.status()).isEqualTo(201);
            assertThat(review.body().get("nextReviewDue").asString())
                .isEqualTo(LocalDate.now().plusMonths(2).toString());
        }
        finally {
            Tenancy.runAs(sliedrecht, () -> settings.change(before));
        }
    }

    @Test
    void thePlanLetterIsAPdfWithTheGoalsAndForAPipTheObjectionClause() throws IOException {
        Map<String, Object> body = new HashMap<>(Api.person("Şükrü", "Yılmaz"));
        String person = caseworker().post("/api/v1/persons", body).body().get("id").asString();
        recordDutyAndAdoptPip(person);
        goal(person, "LANGUAGE", "Taalniveau B1 halen voor lezen en luisteren");
        goal(person, "WORK_AND_INCOME", "Vrijwilligerswerk bij de voedselbank");
        caseworker().post("/api/v1/persons/" + person + "/plan/adoption",
                Map.of("adoptedOn", LocalDate.now().toString()),
                caseworker().etag("/api/v1/persons/" + person + "/plan"));

        Response pdf = caseworker().perform(MockMvcRequestBuilders.get("/api/v1/persons/" + person + "/plan.pdf"));

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        String text = text(pdf.raw().getContentAsByteArray());
        assertThat(text).contains("Taalniveau B1 halen voor lezen en luisteren", "Vrijwilligerswerk bij de voedselbank",
                "Besluit", "bezwaar", "6 weken", "B1-route", "Şükrü Yılmaz");
    }

    @Test
    void guidanceClosedIntoTheLocalPolicyStartsADraftPlan() {
        String person = person("2025-01-01");
        String guidance = "/api/v1/persons/" + person + "/guidance";
        assertThat(caseworker().post(guidance, Map.of("startDate", "2025-02-01")).status()).isEqualTo(201);
        assertThat(caseworker().get("/api/v1/persons/" + person + "/plan").status()).isEqualTo(404);

        assertThat(caseworker()
            .post(guidance + "/closing", Map.of("closedOn", LocalDate.now().toString(), "handover", "LOCAL_POLICY"),
                    caseworker().etag(guidance))
            .status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20))
            .until(() -> caseworker().get("/api/v1/persons/" + person + "/plan").status() == 200);
        JsonNode plan = caseworker().get("/api/v1/persons/" + person + "/plan").body();
        assertThat(plan.get("version").asInt()).isEqualTo(1);
        assertThat(plan.get("status").asString()).isEqualTo("DRAFT");
        assertThat(plan.get("startedOn").asString()).isEqualTo(LocalDate.now().toString());
        long bySystem = JdbcClient.create(ownerDataSource)
            .sql("select count(*) from audit_entry where person_id = cast(:p as uuid) and action = 'PLAN_UPDATE'")
            .param("p", person)
            .query(Long.class)
            .single();
        assertThat(bySystem).isEqualTo(1);
    }

    @Test
    void aPipAdoptedInTheTrajectoryGivesThePlanItsLearningRoute() {
        String person = person(null);
        recordDutyAndAdoptPip(person);

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Response plan = caseworker().get("/api/v1/persons/" + person + "/plan");
            return plan.status() == 200 && plan.body().get("pip").has("learningRoute");
        });
        JsonNode pip = caseworker().get("/api/v1/persons/" + person + "/plan").body().get("pip");
        assertThat(pip.get("learningRoute").asString()).isEqualTo("B1");
        assertThat(pip.get("integrationPeriodStart").asString()).isEqualTo(LocalDate.now().plusDays(1).toString());
    }

    private void recordDutyAndAdoptPip(String person) {
        String duty = "/api/v1/persons/" + person + "/integration-duty";
        LocalDate notice = LocalDate.now().minusWeeks(6);
        assertThat(caseworker().put(duty, Map.of("regime", "WI2021", "duoNoticeDate", notice.toString(),
                "brpRegistrationDate", notice.minusWeeks(1).toString()), null)
            .status()).isEqualTo(200);
        assertThat(caseworker()
            .post(duty + "/plan", Map.of("adoptedOn", LocalDate.now().toString(), "route", "B1"),
                    caseworker().etag(duty))
            .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
            .until(() -> caseworker().get("/api/v1/persons/" + person + "/plan").status() == 200);
    }

    private static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString().replaceAll("\\s+", " ");
        }
        finally {
            reader.close();
        }
    }

    private void level(String person, String skill, String level, String on, String source) {
        assertThat(caseworker()
            .post(levels(person), Map.of("skill", skill, "level", level, "assessedOn", on, "source", source))
            .status()).isEqualTo(201);
    }

    private String goal(String person, String area, String description) {
        Response goal = caseworker().post("/api/v1/persons/" + person + "/plan/goals",
                Map.of("area", area, "description", description));
        assertThat(goal.status()).isEqualTo(201);
        return goal.body().get("id").asString();
    }

    private String person(String arrivalDate) {
        Map<String, Object> body = new HashMap<>(Api.person("Voortgang", "Testpersoon"));
        body.put("languages", List.of("ar"));
        if (arrivalDate != null) {
            body.put("arrivalDate", arrivalDate);
        }
        Response created = caseworker().post("/api/v1/persons", body);
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static String levels(String person) {
        return "/api/v1/persons/" + person + "/language-levels";
    }

    private static String lessons(String person) {
        return "/api/v1/persons/" + person + "/lesson-hours";
    }

}
