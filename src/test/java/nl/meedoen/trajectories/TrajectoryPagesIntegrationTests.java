package nl.meedoen.trajectories;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import nl.meedoen.support.Api;
import nl.meedoen.support.Pages;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The trajectory tab and the team lead's queue: start, request, decide and close through
 * the forms.
 */
@MeedoenIntegrationTest
class TrajectoryPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aCaseworkerStartsAndRequestsAndTheTeamLeadApprovesFromTheQueue() throws Exception {
        String person = Api.as(mvc, "begeleider")
            .post("/api/v1/persons", Api.person("Amanuel", "Trajectpagina"))
            .body()
            .get("id")
            .asString();
        String tab = "/personen/" + person + "/traject";

        assertThat(text(as("begeleider", get("/personen/" + person)))).contains(tab);
        assertThat(text(as("begeleider", get(tab)))).contains("De begeleiding is nog niet gestart.");
        assertThat(text(as("begeleider", post(tab + "/begeleiding").with(csrf()))))
            .contains("Vul de startdatum van de begeleiding in.");
        assertThat(
                as("begeleider", post(tab + "/begeleiding").with(csrf()).param("startDate", "2025-08-31")).getStatus())
            .isEqualTo(302);
        assertThat(text(as("begeleider", get(tab)))).contains("28-02-2026");

        assertThat(text(as("begeleider", post(tab + "/verlenging").with(csrf()).param("months", "3"))))
            .contains("Geef de reden voor de verlenging.");
        assertThat(as("begeleider",
                post(tab + "/verlenging").with(csrf())
                    .param("months", "3")
                    .param("reason", "Medische behandeling loopt"))
            .getStatus()).isEqualTo(302);

        assertThat(as("begeleider", get("/traject/verlengingen")).getStatus()).isEqualTo(403);
        String queue = text(as("teamleider", get("/traject/verlengingen")));
        assertThat(queue).contains("Amanuel Trajectpagina").contains("Medische behandeling loopt");
        String request = Api.as(mvc, "begeleider")
            .get("/api/v1/persons/" + person + "/guidance")
            .body()
            .get("extension")
            .get("id")
            .asString();
        assertThat(as("teamleider",
                post("/traject/verlengingen/" + request).with(csrf())
                    .param("personId", person)
                    .param("version", version(person, "guidance"))
                    .param("decision", "approve"))
            .getStatus()).isEqualTo(302);
        assertThat(text(as("begeleider", get(tab)))).contains("31-05-2026").contains("Goedgekeurd");
        assertThat(text(as("teamleider", get("/traject/verlengingen")))).doesNotContain("Amanuel Trajectpagina");
    }

    @Test
    void closingWithoutAHandoverDecisionShowsWhatIsMissing() throws Exception {
        String person = Api.as(mvc, "begeleider")
            .post("/api/v1/persons", Api.person("Hiwet", "Afsluitpagina"))
            .body()
            .get("id")
            .asString();
        Api.as(mvc, "begeleider").post("/api/v1/persons/" + person + "/guidance", Map.of("startDate", "2025-01-10"));
        String tab = "/personen/" + person + "/traject";

        assertThat(text(as("begeleider",
                post(tab + "/afsluiten").with(csrf())
                    .param("version", version(person, "guidance"))
                    .param("closedOn", "2025-07-10"))))
            .contains("Kies wat er na de begeleiding gebeurt");
        assertThat(as("begeleider",
                post(tab + "/afsluiten").with(csrf())
                    .param("version", version(person, "guidance"))
                    .param("closedOn", "2025-07-10")
                    .param("handover", "LOCAL_POLICY"))
            .getStatus()).isEqualTo(302);
        assertThat(text(as("begeleider", get(tab)))).contains("Gaat door in het lokale integratiebeleid")
            .contains("Afgesloten");
    }

    @Test
    void theDutyAndThePlanAreRecordedThroughTheFormsWithTheirDeadlinesShown() throws Exception {
        String person = Api.as(mvc, "begeleider")
            .post("/api/v1/persons", Api.person("Semhar", "Inburgeringspagina"))
            .body()
            .get("id")
            .asString();
        String tab = "/personen/" + person + "/traject";

        assertThat(text(as("begeleider",
                post(tab + "/inburgeringsplicht").with(csrf())
                    .param("regime", "WI2021")
                    .param("duoNoticeDate", "2023-12-21"))))
            .contains("Vul de datum van inschrijving in de BRP in.");
        assertThat(as("begeleider",
                post(tab + "/inburgeringsplicht").with(csrf())
                    .param("regime", "WI2021")
                    .param("duoNoticeDate", "2023-12-21")
                    .param("brpRegistrationDate", "2023-12-01"))
            .getStatus()).isEqualTo(302);
        assertThat(text(as("begeleider", get(tab)))).contains("29-02-2024");

        assertThat(text(as("begeleider",
                post(tab + "/pip").with(csrf())
                    .param("version", version(person, "integration-duty"))
                    .param("adoptedOn", "2023-12-20")
                    .param("route", "B1"))))
            .contains("Het PIP kan niet vóór de kennisgeving van DUO zijn vastgesteld.");
        assertThat(text(as("begeleider",
                post(tab + "/pip").with(csrf())
                    .param("version", version(person, "integration-duty"))
                    .param("adoptedOn", "2024-02-28"))))
            .contains("Kies de leerroute");
        assertThat(as("begeleider",
                post(tab + "/pip").with(csrf())
                    .param("version", version(person, "integration-duty"))
                    .param("adoptedOn", "2024-02-28")
                    .param("route", "ONDERWIJS"))
            .getStatus()).isEqualTo(302);
        assertThat(text(as("begeleider", get(tab)))).contains("29-02-2024 tot en met 27-02-2027")
            .contains("28-08-2025")
            .contains("Onderwijsroute");
    }

    @Test
    void pvtSessionsAndTheCompletionAreRecordedThroughTheForms() throws Exception {
        String person = Api.as(mvc, "begeleider")
            .post("/api/v1/persons", Api.person("Meron", "Participatiepagina"))
            .body()
            .get("id")
            .asString();
        String tab = "/personen/" + person + "/traject";

        assertThat(text(as("begeleider",
                post(tab + "/pvt/bijeenkomst").with(csrf()).param("heldOn", "2025-04-01").param("hours", "30"))))
            .contains("tussen 0,5 en 24");
        assertThat(as("begeleider",
                post(tab + "/pvt/bijeenkomst").with(csrf())
                    .param("heldOn", "2025-04-01")
                    .param("hours", "6")
                    .param("topic", "Solidariteit"))
            .getStatus()).isEqualTo(302);
        assertThat(text(as("begeleider",
                post(tab + "/pvt/status").with(csrf()).param("status", "COMPLETED").param("signedOn", "2025-04-02"))))
            .contains("Afgerond kan pas na ten minste het vereiste aantal uren.");
        assertThat(as("begeleider",
                post(tab + "/pvt/bijeenkomst").with(csrf()).param("heldOn", "2025-04-08").param("hours", "6"))
            .getStatus()).isEqualTo(302);
        String version = Api.as(mvc, "begeleider")
            .get("/api/v1/persons/" + person + "/participation-declaration")
            .header("ETag")
            .replace("\"", "");
        assertThat(as("begeleider",
                post(tab + "/pvt/status").with(csrf())
                    .param("status", "COMPLETED")
                    .param("signedOn", "2025-04-09")
                    .param("version", version))
            .getStatus()).isEqualTo(302);
        assertThat(text(as("begeleider", get(tab)))).contains("12 van 12 uur").contains("09-04-2025");
    }

    /**
     * The version of a part of the person's trajectory as the API shows it (its ETag,
     * unquoted).
     */
    private String version(String person, String part) {
        return Api.as(mvc, "begeleider").etag("/api/v1/persons/" + person + "/" + part).replace("\"", "");
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse as(String user, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return Pages.as(mvc, user).perform(request);
    }

}
