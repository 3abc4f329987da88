package nl.meedoen.provisions;

import java.nio.charset.StandardCharsets;

import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The administrator's directory pages: the provision form with its Dutch messages, and
 * (de)activating.
 */
@MeedoenIntegrationTest
class ProvisionPagesIntegrationTests {

    private static final String LANGUAGE_SCHOOL = "4f1c8a52-6f0e-4b9a-9a51-2d7c3e0b1a01";

    @Autowired
    MockMvc mvc;

    @Test
    void anAdministratorAddsAProvisionThroughTheFormAndDeactivatesIt() throws Exception {
        Pages admin = Pages.as(mvc, "beheerder");
        String name = "Huiswerkbegeleiding-" + System.nanoTime();

        String refused = text(admin.perform(post("/sociale-kaart/beheer/nieuw").with(csrf()).param("active", "true")));
        assertThat(refused).contains("Controleer de invoer", "Kies een bestaande partnerorganisatie.",
                "Vul de naam van de voorziening in.", "Vul een omschrijving in, in eenvoudig Nederlands.",
                "Kies een domein.");

        MockHttpServletResponse created = admin.perform(post("/sociale-kaart/beheer/nieuw").with(csrf())
            .param("partnerId", LANGUAGE_SCHOOL)
            .param("name", name)
            .param("description", "Hulp bij huiswerk voor kinderen in groep 6 tot 8.")
            .param("domain", "EDUCATION")
            .param("languages", "nl, ar")
            .param("active", "true"));
        assertThat(created.getStatus()).isEqualTo(302);
        String page = created.getRedirectedUrl();
        assertThat(text(admin.perform(get(page)))).contains(name, "Onderwijs", "Nederlands, Arabisch",
                "Taalschool De Brug");
        assertThat(text(admin.perform(get("/sociale-kaart?q=" + name)))).contains("1 voorziening gevonden");

        String id = page.substring(page.lastIndexOf('/') + 1);
        assertThat(admin.perform(post("/sociale-kaart/beheer/" + id + "/actief").with(csrf()).param("active", "false"))
            .getStatus()).isEqualTo(302);
        assertThat(text(admin.perform(get("/sociale-kaart?q=" + name))))
            .contains("Er zijn geen voorzieningen die aan uw zoekopdracht voldoen.");
        assertThat(text(admin.perform(get("/sociale-kaart/beheer")))).contains(name, "Niet actief");

        Pages caseworker = Pages.as(mvc, "begeleider");
        assertThat(caseworker.perform(get("/sociale-kaart/beheer")).getStatus()).isEqualTo(403);
        assertThat(
                caseworker.perform(post("/sociale-kaart/beheer/" + id + "/actief").with(csrf()).param("active", "true"))
                    .getStatus())
            .isEqualTo(403);
        assertThat(text(caseworker.perform(get("/sociale-kaart")))).contains("Sociale kaart", "NT2-cursus B1-route");
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

}
