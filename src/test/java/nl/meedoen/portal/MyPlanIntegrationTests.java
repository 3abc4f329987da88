package nl.meedoen.portal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * My plan in Mijn Meedoen: the resident sees the adopted version only, marks their own
 * actions done (not another's, never another person's), adds a wish or a question to a
 * goal that the caseworker sees on the plan tab and marks seen, and reads the language
 * chart and the plan letter.
 */
@MeedoenIntegrationTest
class MyPlanIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    private JdbcClient owner() {
        return JdbcClient.create(ownerDataSource);
    }

    private UUID residentPerson() {
        return owner().sql("""
                select r.person_id from resident_account r join app_user u on u.id = r.account_id
                where u.username = 'inwoner'""").query(UUID.class).single();
    }

    private Api resident() {
        return Api.as(mvc, "inwoner");
    }

    private List<JsonNode> actions(JsonNode plan) {
        List<JsonNode> actions = new ArrayList<>();
        plan.get("goals").forEach(goal -> goal.get("actions").forEach(actions::add));
        return actions;
    }

    private JsonNode action(boolean mine) {
        return actions(resident().get("/api/v1/my/plan").body()).stream()
            .filter(a -> a.get("mine").asBoolean() == mine)
            .findFirst()
            .orElseThrow();
    }

    @Test
    void thePlanShowsOnlyTheGoalsOfTheAdoptedVersionNotTheDraft() {
        UUID person = residentPerson();
        Api caseworker = Api.as(mvc, "begeleider");
        Api.Response draftGoal = caseworker.post("/api/v1/persons/" + person + "/plan/goals",
                Map.of("area", "SPORT_AND_CULTURE", "description", "Nog in overleg: zwemles voor volwassenen"));
        assertThat(draftGoal.status()).isEqualTo(201);

        Api.Response answer = resident().get("/api/v1/my/plan");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode plan = answer.body();
        Map<String, Object> adopted = owner().sql("""
                select v.id, v.number from plan_version v join plan p on p.id = v.plan_id
                where p.person_id = :p and v.status = 'ADOPTED' order by v.number desc limit 1""")
            .param("p", person)
            .query()
            .singleRow();
        List<String> adoptedGoals = owner().sql("select goal_id::text from plan_goal where version_id = :v")
            .param("v", adopted.get("id"))
            .query(String.class)
            .list();
        List<String> shown = new ArrayList<>();
        plan.get("goals").forEach(goal -> {
            shown.add(goal.get("id").asString());
            assertThat(goal.get("statusText").asString()).isNotBlank();
            assertThat(goal.get("areaName").asString()).isNotBlank();
        });
        assertThat(plan.get("version").asInt()).isEqualTo(((Number) adopted.get("number")).intValue());
        assertThat(shown).containsExactlyInAnyOrderElementsOf(adoptedGoals);
        assertThat(plan.toString()).doesNotContain("Nog in overleg: zwemles voor volwassenen");
        assertThat(actions(plan)).anyMatch(a -> a.get("mine").asBoolean()).anyMatch(a -> !a.get("mine").asBoolean());
    }

    @Test
    void markingTheOwnActionDonePersistsAndIsLoggedAsAChange() {
        UUID person = residentPerson();
        JsonNode action = action(true);
        String id = action.get("id").asString();
        long changes = changesBy(person);

        Api.Response done = resident().put("/api/v1/my/actions/" + id + "/done", Map.of("done", true), null);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body().get("done").asBoolean()).isTrue();
        assertThat(done.header("ETag")).isEqualTo("\"" + done.body().get("version").asInt() + "\"");
        assertThat(owner().sql("select count(*) from plan_action_progress where action_id = :a")
            .param("a", UUID.fromString(id))
            .query(Long.class)
            .single()).isEqualTo(1);
        assertThat(actions(resident().get("/api/v1/my/plan").body())).filteredOn(a -> a.get("id").asString().equals(id))
            .allMatch(a -> a.get("done").asBoolean());
        assertThat(changesBy(person)).isEqualTo(changes + 1);

        Api.Response stale = resident().put("/api/v1/my/actions/" + id + "/done", Map.of("done", false),
                "\"" + (done.body().get("version").asInt() - 1) + "\"");
        assertThat(stale.status()).isEqualTo(412);
        Api.Response undone = resident().put("/api/v1/my/actions/" + id + "/done", Map.of("done", false),
                done.header("ETag"));
        assertThat(undone.status()).isEqualTo(200);
        assertThat(undone.body().get("done").asBoolean()).isFalse();
    }

    @Test
    void anActionOfThePlanThatIsNotTheResidentsIsRefusedAndAnotherPersonsIsNotFound() {
        UUID person = residentPerson();
        String theirs = action(false).get("id").asString();
        assertThat(resident().put("/api/v1/my/actions/" + theirs + "/done", Map.of("done", true), null).status())
            .isEqualTo(403);

        UUID otherPersons = owner().sql("""
                select a.action_id from plan_action a join plan_version v on v.id = a.version_id
                join plan p on p.id = v.plan_id
                where p.person_id <> :p and v.status = 'ADOPTED' and a.who = 'PERSON' limit 1""")
            .param("p", person)
            .query(UUID.class)
            .single();
        String progress = "select coalesce(max(done_on::text || ' ' || version), 'none') from plan_action_progress"
                + " where action_id = :a";
        String before = owner().sql(progress).param("a", otherPersons).query(String.class).single();
        assertThat(resident().put("/api/v1/my/actions/" + otherPersons + "/done", Map.of("done", true), null).status())
            .isEqualTo(404);
        assertThat(owner().sql(progress).param("a", otherPersons).query(String.class).single()).isEqualTo(before);
        assertThat(resident().put("/api/v1/my/actions/" + UUID.randomUUID() + "/done", Map.of("done", true), null)
            .status()).isEqualTo(404);
        assertThat(resident().put("/api/v1/my/actions/" + theirs + "/done", Map.of(), null).status()).isEqualTo(400);
    }

    @Test
    void aQuestionToAGoalAppearsOnTheCaseworkersPlanTabWithItsDateAndIsMarkedSeen() throws Exception {
        UUID person = residentPerson();
        String goal = resident().get("/api/v1/my/plan").body().get("goals").get(0).get("id").asString();
        String text = "Kan de taalles ook op zaterdag? " + UUID.randomUUID();

        Api.Response asked = resident().post("/api/v1/my/goals/" + goal + "/questions", Map.of("text", text));
        assertThat(asked.status()).isEqualTo(201);
        String question = asked.body().get("id").asString();
        assertThat(asked.body().get("seenAt").isNull()).isTrue();

        Pages caseworker = Pages.as(mvc, "begeleider");
        String tab = caseworker.perform(MockMvcRequestBuilders.get("/personen/" + person + "/plan"))
            .getContentAsString();
        assertThat(tab).contains(text).contains("Gevraagd op").contains("data-question=\"" + question + "\"");

        MockHttpServletResponse seen = caseworker
            .perform(MockMvcRequestBuilders.post("/personen/" + person + "/plan/vragen/" + question + "/gezien")
                .param("version", "0")
                .with(csrf()));
        assertThat(seen.getRedirectedUrl()).isEqualTo("/personen/" + person + "/plan#doelen");
        assertThat(caseworker.perform(MockMvcRequestBuilders.get("/personen/" + person + "/plan")).getContentAsString())
            .contains("Gezien door");
        JsonNode mine = resident().get("/api/v1/my/plan").body();
        List<JsonNode> questions = new ArrayList<>();
        mine.get("goals").forEach(g -> g.get("questions").forEach(questions::add));
        assertThat(questions).filteredOn(q -> q.get("id").asString().equals(question))
            .singleElement()
            .satisfies(q -> assertThat(q.get("seenAt").isNull()).isFalse());

        assertThat(resident().post("/api/v1/my/goals/" + goal + "/questions", Map.of("text", " ")).status())
            .isEqualTo(400);
        UUID otherGoal = owner().sql("""
                select g.goal_id from plan_goal g join plan_version v on v.id = g.version_id
                join plan p on p.id = v.plan_id where p.person_id <> :p limit 1""")
            .param("p", person)
            .query(UUID.class)
            .single();
        assertThat(resident().post("/api/v1/my/goals/" + otherGoal + "/questions", Map.of("text", "Hallo")).status())
            .isEqualTo(404);
        assertThat(
                Api.as(mvc, "begeleider").post("/api/v1/my/goals/" + goal + "/questions", Map.of("text", "x")).status())
            .isEqualTo(403);
    }

    @Test
    void thePlanPageWorksWithoutJavascriptAndShowsTheLanguageChart() throws Exception {
        Pages pages = Pages.as(mvc, "inwoner");
        String mine = action(true).get("id").asString();
        String theirs = action(false).get("id").asString();
        MockHttpServletResponse page = pages.perform(MockMvcRequestBuilders.get("/mijn/plan"));
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString();
        assertThat(html).contains("Mijn plan", "action=\"/mijn/plan/acties/" + mine + "\"")
            .doesNotContain("action=\"/mijn/plan/acties/" + theirs + "\"")
            .contains("/mijn/plan/doelen/");
        long levels = owner().sql("select count(*) from language_level where person_id = :p")
            .param("p", residentPerson())
            .query(Long.class)
            .single();
        if (levels > 0) {
            assertThat(html).contains("id=\"language-table\"", "<svg", "Lezen");
        }
        else {
            assertThat(html).contains("Er is nog geen taalniveau van u bekend.");
        }

        int version = action(true).get("version").asInt();
        MockHttpServletResponse marked = pages.perform(MockMvcRequestBuilders.post("/mijn/plan/acties/" + mine)
            .param("done", "true")
            .param("version", String.valueOf(version))
            .with(csrf()));
        assertThat(marked.getRedirectedUrl()).isEqualTo("/mijn/plan#actie-" + mine);
        assertThat(actions(resident().get("/api/v1/my/plan").body()))
            .filteredOn(a -> a.get("id").asString().equals(mine))
            .singleElement()
            .satisfies(a -> assertThat(a.get("done").asBoolean()).isTrue());
        pages.perform(MockMvcRequestBuilders.post("/mijn/plan/acties/" + mine)
            .param("done", "false")
            .param("version", String.valueOf(version + 1))
            .with(csrf()));

        MockHttpServletResponse empty = pages.perform(MockMvcRequestBuilders
            .post("/mijn/plan/doelen/"
                    + resident().get("/api/v1/my/plan").body().get("goals").get(0).get("id").asString() + "/vragen")
            .param("text", "")
            .with(csrf()));
        assertThat(empty.getStatus()).isEqualTo(200);
        assertThat(empty.getContentAsString()).contains("Schrijf eerst uw wens of vraag.", "aria-invalid=\"true\"");
    }

    @Test
    void thePlanLetterIsTheAdoptedPlanAsPdf() throws Exception {
        MockHttpServletResponse letter = Pages.as(mvc, "inwoner")
            .perform(MockMvcRequestBuilders.get("/mijn/plan/brief.pdf"));
        assertThat(letter.getStatus()).isEqualTo(200);
        assertThat(letter.getContentType()).isEqualTo("application/pdf");
        assertThat(letter.getHeader("Cache-Control")).contains("no-store");
        String description = resident().get("/api/v1/my/plan").body().get("goals").get(0).get("description").asString();
        assertThat(text(letter.getContentAsByteArray())).contains("Uw doelen")
            .contains(description.substring(0, Math.min(20, description.length())));
    }

    private long changesBy(UUID person) {
        return owner()
            .sql("""
                    select count(*) from audit_entry where person_id = :p and actor = 'inwoner' and action = 'PLAN_UPDATE'""")
            .param("p", person)
            .query(Long.class)
            .single();
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

}
