package nl.meedoen.network;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
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
 * The network pages through their forms: the coordinator registers a volunteer, the
 * caseworker requests a buddy from the person's file, the coordinator proposes from the
 * candidate list and moves the match on.
 */
@MeedoenIntegrationTest
class NetworkPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void fromVolunteerFormThroughRequestAndCandidatesToAnActiveMatch() throws Exception {
        Pages coordinator = Pages.as(mvc, "coordinator");
        Pages caseworker = Pages.as(mvc, "begeleider");

        MockHttpServletResponse refused = coordinator.perform(post("/netwerk/vrijwilligers/nieuw").with(csrf())
            .param("givenName", "")
            .param("familyName", "Paginatest")
            .param("languages", "qq")
            .param("maxMatches", "1"));
        assertThat(text(refused)).contains("Controleer de invoer", "Vul de voornaam in.");
        MockHttpServletResponse saved = coordinator.perform(post("/netwerk/vrijwilligers/nieuw").with(csrf())
            .param("givenName", "Wiebke")
            .param("familyName", "Paginatest")
            .param("languages", "se:NATIVE, nl:FLUENT")
            .param("countries", "NO")
            .param("roles", "LANGUAGE_BUDDY")
            .param("availability", "MONDAY_MORNING", "THURSDAY_EVENING")
            .param("postcode", "3362ab")
            .param("vogDate", LocalDate.now().minusMonths(1).toString())
            .param("maxMatches", "2"));
        assertThat(saved.getRedirectedUrl()).startsWith("/netwerk/vrijwilligers/");
        assertThat(text(coordinator.perform(get("/netwerk/vrijwilligers?q=paginatest")))).contains("Paginatest, Wiebke",
                "3362 AB");

        String person = Api.as(mvc, "begeleider")
            .post("/api/v1/persons", Api.person("Ánde", "Netwerkpagina"))
            .body()
            .get("id")
            .asString();
        assertThat(text(caseworker.perform(get("/personen/" + person)))).contains("/personen/" + person + "/netwerk");
        assertThat(text(caseworker.perform(get("/personen/" + person + "/netwerk")))).contains("Maatje aanvragen");
        MockHttpServletResponse requested = caseworker
            .perform(post("/personen/" + person + "/netwerk/verzoek").with(csrf())
                .param("role", "LANGUAGE_BUDDY")
                .param("languages", "se")
                .param("availability", "MONDAY_MORNING")
                .param("postcode", "3362 CD"));
        String candidates = requested.getRedirectedUrl();
        assertThat(candidates).startsWith("/netwerk/verzoeken/");

        String list = text(coordinator.perform(get(candidates)));
        assertThat(list).contains("Kandidaten voor Ánde Netwerkpagina", "Paginatest", "Gedeelde taal",
                "Spreekt Noord-Samisch", "50 van 50");
        assertThat(text(caseworker.perform(get(candidates)))).contains("Paginatest").doesNotContain("Voorstellen");

        String volunteerId = saved.getRedirectedUrl().substring("/netwerk/vrijwilligers/".length());
        MockHttpServletResponse proposed = coordinator
            .perform(post(candidates + "/voorstellen").with(csrf()).param("volunteerId", volunteerId));
        String match = proposed.getRedirectedUrl();
        assertThat(match).startsWith("/netwerk/koppelingen/");
        assertThat(text(coordinator.perform(get(match)))).contains("Voorgesteld", "Kennisgemaakt");

        assertThat(text(coordinator
            .perform(post(match + "/status").with(csrf()).param("status", "ACTIVE").param("version", "0"))))
            .contains("Deze statuswijziging is niet mogelijk");
        coordinator.perform(post(match + "/status").with(csrf())
            .param("status", "INTRODUCED")
            .param("version", "0")
            .param("date", LocalDate.now().toString()));
        // A second coordinator's form from before the change: refused, the current status
        // shown.
        String stale = text(coordinator.perform(post(match + "/status").with(csrf())
            .param("status", "ENDED")
            .param("reason", "Klikte niet")
            .param("version", "0")));
        assertThat(stale).contains("Iemand anders heeft").contains("Kennisgemaakt");
        coordinator.perform(post(match + "/logboek").with(csrf())
            .param("kind", "MEETING")
            .param("heldOn", LocalDate.now().toString())
            .param("hours", "1.5")
            .param("note", "Koffie bij de bieb"));
        String page = text(coordinator.perform(get(match)));
        assertThat(page).contains("Kennisgemaakt", "Koffie bij de bieb", "1 ontmoeting(en), 1,5 uur");
        assertThat(text(coordinator.perform(get("/netwerk")))).contains("Ánde Netwerkpagina");
    }

    @Test
    void onlyTheCoordinatorManagesVolunteers() throws Exception {
        assertThat(Pages.as(mvc, "begeleider").perform(get("/netwerk/vrijwilligers")).getStatus()).isEqualTo(403);
        assertThat(Pages.as(mvc, "beleid").perform(get("/netwerk")).getStatus()).isEqualTo(403);
        MockHttpServletResponse list = Pages.as(mvc, "coordinator").perform(get("/netwerk/vrijwilligers"));
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(text(list)).contains("Vrijwilligers", "Geen geldige VOG");
    }

    @Test
    void matchingSettingsOutsideTheirRangeAreRefusedOnTheFormAndNotSaved() throws Exception {
        Pages coordinator = Pages.as(mvc, "coordinator");

        MockHttpServletResponse refused = coordinator.perform(post("/netwerk/instellingen").with(csrf())
            .param("vogValidYears", "11")
            .param("checkInWeeks", "4")
            .param("language", "101")
            .param("background", "15")
            .param("distance", "10")
            .param("availability", "10")
            .param("interests", "5")
            .param("preference", "5")
            .param("load", "5"));

        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(text(refused)).contains("Controleer de invoer",
                "De geldigheid van een VOG ligt tussen 1 en 10 jaar.", "Een gewicht ligt tussen 0 en 100.");
        assertThat(text(coordinator.perform(get("/netwerk/instellingen")))).doesNotContain("value=\"101\"")
            .doesNotContain("value=\"11\"");
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

}
