package nl.meedoen.plans;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The plan tab through its forms: goals, actions, adoption, review, language, income,
 * wegwijs and children.
 */
@MeedoenIntegrationTest
class PlanPagesIntegrationTests {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    @Autowired
    MockMvc mvc;

    @Test
    void aCaseworkerBuildsAdoptsAndReviewsAPlanThroughTheForms() throws Exception {
        String person = person("Rahel", "Planpagina");
        String tab = "/personen/" + person + "/plan";
        String today = LocalDate.now().toString();

        assertThat(text(as(get("/personen/" + person)))).contains(tab);
        assertThat(text(as(get(tab)))).contains("Er is nog geen plan.");
        assertThat(text(as(post(tab + "/doelen").with(csrf()).param("area", "LANGUAGE").param("lock", "0"))))
            .contains("Vul de omschrijving van het doel in.");
        assertThat(text(as(
                post(tab + "/doelen").with(csrf()).param("area", "ASTROLOGY").param("description", "Sterren kijken"))))
            .contains("Kies een speerpunt of voorziening uit de lijst.");
        assertThat(as(post(tab + "/doelen").with(csrf())
            .param("area", "LANGUAGE")
            .param("description", "Spreken op niveau A2")
            .param("targetDate", "2027-06-30")).getStatus()).isEqualTo(302);
        String goal = Api.as(mvc, "begeleider")
            .get("/api/v1/persons/" + person + "/plan")
            .body()
            .get("goals")
            .get(0)
            .get("id")
            .asString();
        assertThat(as(post(tab + "/acties").with(csrf())
            .param("goalId", goal)
            .param("what", "Taalcafé op dinsdag")
            .param("who", "VOLUNTEER")).getStatus()).isEqualTo(302);

        String page = text(as(get(tab)));
        assertThat(page).contains("Speerpunten", "Spreken op niveau A2", "Taalcafé op dinsdag", "Vrijwilliger",
                "Status: ", "Open", "Versie 1 (concept, nog niet vastgesteld)", "30-06-2027");

        assertThat(
                text(as(post(tab + "/vaststellen").with(csrf()).param("adoptedOn", today).param("confirmed", "true"))))
            .contains("Iemand anders heeft het plan gewijzigd");
        String lock = Api.as(mvc, "begeleider").etag("/api/v1/persons/" + person + "/plan").replace("\"", "");
        assertThat(text(as(post(tab + "/vaststellen").with(csrf())
            .param("adoptedOn", today)
            .param("lock", lock)
            .param("_confirmed", "on")))).as("adopting asks for the caseworker's confirmation")
            .contains("Bevestig dat u het plan hebt besproken voordat u het vaststelt.");
        assertThat(text(as(get(tab)))).contains("Versie 1 (concept, nog niet vastgesteld)");
        assertThat(as(post(tab + "/vaststellen").with(csrf())
            .param("adoptedOn", today)
            .param("lock", lock)
            .param("confirmed", "true")).getStatus()).isEqualTo(302);
        page = text(as(get(tab)));
        assertThat(page).contains("Versie 1, vastgesteld op " + LocalDate.now().format(DAY))
            .contains("Een wijziging start een nieuwe conceptversie");

        assertThat(text(as(post(tab + "/gesprekken").with(csrf())
            .param("heldOn", LocalDate.now().minusDays(2).toString())
            .param("notes", "Te vroeg"))))
            .contains("Het gesprek kan niet eerder zijn dan de dag waarop het plan is gestart.");
        assertThat(as(post(tab + "/gesprekken").with(csrf())
            .param("heldOn", today)
            .param("notes", "Oefent thuis met de kinderen.")
            .param("status-" + goal, "AT_RISK")).getStatus()).isEqualTo(302);
        page = text(as(get(tab)));
        assertThat(page).contains("Oefent thuis met de kinderen.", "status--AT_RISK", "Risico",
                LocalDate.now().plusMonths(3).format(DAY));

        assertThat(as(post(tab + "/doelen").with(csrf())
            .param("area", "SPORT_AND_CULTURE")
            .param("description", "Zwemles volgen")).getStatus()).isEqualTo(302);
        page = text(as(get(tab)));
        assertThat(page).contains("Versie 2 (concept", "Voorzieningen", "Zwemles volgen", "Doel toegevoegd");

        assertThat(text(
                as(post(tab + "/doelen/" + goal).with(csrf()).param("area", "LANGUAGE").param("description", " "))))
            .contains("Vul de omschrijving van het doel in.");
        assertThat(as(post(tab + "/doelen/" + goal).with(csrf())
            .param("area", "LANGUAGE")
            .param("description", "Spreken op niveau B1")
            .param("targetDate", "2027-12-31")).getStatus()).isEqualTo(302);
        page = text(as(get(tab)));
        assertThat(page).contains("Doel gewijzigd", "Taal · Spreken op niveau A2 · 30-06-2027",
                "Taal · Spreken op niveau B1 · 31-12-2027");
    }

    @Test
    void aStaleFormIsRefusedWithoutLosingTheOtherChange() throws Exception {
        String person = person("Yonas", "Verouderd");
        String tab = "/personen/" + person + "/plan";
        as(post(tab + "/doelen").with(csrf()).param("area", "LANGUAGE").param("description", "Lezen"));
        String lock = Api.as(mvc, "begeleider")
            .get("/api/v1/persons/" + person + "/plan")
            .header("ETag")
            .replace("\"", "");
        as(post(tab + "/doelen").with(csrf())
            .param("area", "LANGUAGE")
            .param("description", "Schrijven")
            .param("lock", lock));

        String refused = text(as(post(tab + "/doelen").with(csrf())
            .param("area", "LANGUAGE")
            .param("description", "Luisteren")
            .param("lock", lock)));

        assertThat(refused).contains("Iemand anders heeft het plan gewijzigd");
        JsonNode goals = Api.as(mvc, "begeleider").get("/api/v1/persons/" + person + "/plan").body().get("goals");
        assertThat(goals).hasSize(2);
    }

    @Test
    void languageIncomeWegwijsAndChildrenAreRecordedOnTheTab() throws Exception {
        String parent = person("Meron", "Gezinsplan");
        Map<String, Object> childBody = new HashMap<>(Api.person("Selam", "Gezinsplan"));
        childBody.put("dateOfBirth", LocalDate.now().minusYears(3).toString());
        String child = Api.as(mvc, "begeleider").post("/api/v1/persons", childBody).body().get("id").asString();
        assertThat(Api.as(mvc, "begeleider")
            .post("/api/v1/households",
                    Map.of("members",
                            List.of(Map.of("personId", parent, "role", "HEAD"),
                                    Map.of("personId", child, "role", "CHILD"))))
            .status()).isEqualTo(201);
        String tab = "/personen/" + parent + "/plan";

        assertThat(text(as(post(tab + "/taal").with(csrf()).param("skill", "READING").param("level", "A1"))))
            .contains("Vul de datum in waarop het niveau is vastgesteld.");
        assertThat(as(post(tab + "/taal").with(csrf())
            .param("skill", "READING")
            .param("level", "A1")
            .param("assessedOn", "2025-05-01")
            .param("source", "TEST")).getStatus()).isEqualTo(302);
        assertThat(as(post(tab + "/taal").with(csrf())
            .param("skill", "READING")
            .param("level", "A2")
            .param("assessedOn", "2025-11-01")
            .param("source", "EXAM")).getStatus()).isEqualTo(302);
        assertThat(text(
                as(post(tab + "/lesuren").with(csrf()).param("followedUntil", "2025-11-01").param("hours", "veel"))))
            .contains("Controleer de invoer");
        assertThat(as(post(tab + "/lesuren").with(csrf()).param("followedUntil", "2025-11-01").param("hours", "120,5"))
            .getStatus()).isEqualTo(302);
        assertThat(as(post(tab + "/inkomen").with(csrf())
            .param("incomeSource", "SOCIAL_ASSISTANCE")
            .param("incomeStartsOn", "2025-02-01")).getStatus()).isEqualTo(302);
        assertThat(text(as(post(tab + "/inkomen").with(csrf())
            .param("incomeSource", "WAGES")
            .param("incomeStartsOn", "2025-01-01")))).contains("moet beginnen na het begin van de vorige");
        assertThat(as(post(tab + "/werk").with(csrf())
            .param("paidHoursPerWeek", "12,5")
            .param("routeToWork", "Werkervaringsplek in de zorg")).getStatus()).isEqualTo(302);
        assertThat(as(post(tab + "/wegwijs").with(csrf())
            .param("places", "Huisarts")
            .param("places", "Bibliotheek")
            .param("knownOn", "2025-06-01")).getStatus()).isEqualTo(302);
        assertThat(as(post(tab + "/kinderen/" + child).with(csrf())
            .param("childcare", "Peuteropvang Het Anker")
            .param("vveIndication", "true")).getStatus()).isEqualTo(302);

        String page = text(as(get(tab)));
        assertThat(page).contains("language-chart", "<svg", "Taalniveaus per datum", "01-11-2025", "Examen")
            .contains("Totaal gevolgd: 120,5 uur", "value=\"12,5\"")
            .contains("Bijstand via de Sociale Dienst Drechtsteden", "Werkervaringsplek in de zorg")
            .contains("2 van 12 plekken bekend", "Bekend sinds 01-06-2025")
            .contains("Selam Gezinsplan", "Peuteropvang Het Anker");

        // Once stored, the work and a child's education change only with the version the
        // form was opened on.
        assertThat(text(as(post(tab + "/werk").with(csrf()).param("paidHoursPerWeek", "20"))))
            .contains("Iemand anders heeft");
        assertThat(
                as(post(tab + "/werk").with(csrf()).param("paidHoursPerWeek", "20").param("version", "0")).getStatus())
            .isEqualTo(302);
        assertThat(text(as(post(tab + "/werk").with(csrf()).param("paidHoursPerWeek", "8").param("version", "0"))))
            .contains("Iemand anders heeft");
        assertThat(text(as(post(tab + "/kinderen/" + child).with(csrf()).param("childcare", "Elders"))))
            .contains("Iemand anders heeft")
            .contains("Peuteropvang Het Anker");
        assertThat(as(post(tab + "/kinderen/" + child).with(csrf()).param("childcare", "Elders").param("version", "0"))
            .getStatus()).isEqualTo(302);
        assertThat(text(as(
                post(tab + "/kinderen/" + child).with(csrf()).param("childcare", "Weer anders").param("version", "0"))))
            .contains("Iemand anders heeft")
            .contains("Elders");
        assertThat(text(as(get(tab)))).contains("value=\"20\"").doesNotContain("Weer anders");
    }

    @Test
    void theTabOffersTheLetterAsPdf() throws Exception {
        String person = person("Filmon", "Briefpagina");
        as(post("/personen/" + person + "/plan/doelen").with(csrf())
            .param("area", "EDUCATION")
            .param("description", "Diploma laten waarderen"));

        MockHttpServletResponse letter = as(get("/personen/" + person + "/plan/brief.pdf"));

        assertThat(letter.getStatus()).isEqualTo(200);
        assertThat(letter.getContentType()).isEqualTo("application/pdf");
        assertThat(new String(letter.getContentAsByteArray(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void aTeamLeadSetsTheReviewIntervalAndTheWegwijsPlaces() throws Exception {
        Pages lead = Pages.as(mvc, "teamleider");
        String form = text(lead.perform(get("/plannen/instellingen")));
        assertThat(form).contains("Voortgangsgesprek elke (maanden)", "Huisarts");
        assertThat(text(lead.perform(post("/plannen/instellingen").with(csrf())
            .param("reviewIntervalMonths", "30")
            .param("wegwijsPlaces", "Huisarts")))).contains("Vul een heel aantal maanden in van 1 tot en met 24.");
        assertThat(text(lead.perform(post("/plannen/instellingen").with(csrf())
            .param("reviewIntervalMonths", "3")
            .param("wegwijsPlaces", " \n ")))).contains("Vul ten minste één en ten hoogste 40 plekken in");
        assertThat(Pages.as(mvc, "begeleider").perform(get("/plannen/instellingen")).getStatus()).isEqualTo(403);
    }

    @Test
    void otherRolesCannotOpenThePlanTab() throws Exception {
        String person = person("Dawit", "Geentoegang");
        assertThat(Pages.as(mvc, "partner").perform(get("/personen/" + person + "/plan")).getStatus()).isEqualTo(403);
    }

    private String person(String given, String family) {
        return Api.as(mvc, "begeleider").post("/api/v1/persons", Api.person(given, family)).body().get("id").asString();
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse as(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return Pages.as(mvc, "begeleider").perform(request);
    }

}
