package nl.meedoen.identity;

import nl.meedoen.support.Api;
import nl.meedoen.support.Pages;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The administrator manages accounts; nobody keeps a guessable password. */
@MeedoenIntegrationTest
class AccountPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void anAdministratorCreatesAnAccountThatCanLogIn() throws Exception {
        MockHttpServletResponse created = as("beheerder",
                post("/beheer/accounts").with(csrf())
                    .param("username", "consulent.nieuw")
                    .param("displayName", "Nieuwe Consulent")
                    .param("role", "CASEWORKER")
                    .param("password", "Zomer-in-Sliedrecht-2026"));

        assertThat(created.getStatus()).isEqualTo(302);
        assertThat(created.getRedirectedUrl()).isEqualTo("/beheer/accounts?opgeslagen");
        // a one-time password: nothing but choosing one's own until then
        assertThat(mvc.perform(get("/api/v1/me").with(httpBasic("consulent.nieuw", "Zomer-in-Sliedrecht-2026")))
            .andReturn()
            .getResponse()
            .getStatus()).isEqualTo(403);
        as("consulent.nieuw", "Zomer-in-Sliedrecht-2026",
                post("/wachtwoord").with(csrf())
                    .param("currentPassword", "Zomer-in-Sliedrecht-2026")
                    .param("newPassword", "Herfst-in-Sliedrecht-2026")
                    .param("repeatPassword", "Herfst-in-Sliedrecht-2026"));
        var me = mvc.perform(get("/api/v1/me").with(httpBasic("consulent.nieuw", "Herfst-in-Sliedrecht-2026")))
            .andReturn()
            .getResponse();
        assertThat(me.getStatus()).isEqualTo(200);
        assertThat(me.getContentAsString()).contains("\"CASEWORKER\"", "\"0610\"");
    }

    @Test
    void aPartnerUserIsLinkedToOnePartnerOrganisationAndSeesItsReferrals() throws Exception {
        String school = "4f1c8a52-6f0e-4b9a-9a51-2d7c3e0b1a01";
        String form = text(as("beheerder", get("/beheer/accounts/nieuw")));
        assertThat(form).contains("Partnerorganisatie").contains("Taalschool De Brug");

        MockHttpServletResponse withoutOrganisation = as("beheerder",
                post("/beheer/accounts").with(csrf())
                    .param("username", "docent.brug")
                    .param("displayName", "Docent De Brug")
                    .param("role", "PARTNER")
                    .param("password", "Lessen-aan-de-Brug-2026"));
        assertThat(withoutOrganisation.getStatus()).isEqualTo(200);
        assertThat(text(withoutOrganisation)).contains("Kies de partnerorganisatie van deze partnergebruiker.");
        MockHttpServletResponse unknown = as("beheerder",
                post("/beheer/accounts").with(csrf())
                    .param("username", "docent.brug")
                    .param("displayName", "Docent De Brug")
                    .param("role", "PARTNER")
                    .param("partnerId", java.util.UUID.randomUUID().toString())
                    .param("password", "Lessen-aan-de-Brug-2026"));
        assertThat(text(unknown)).contains("Deze partnerorganisatie bestaat niet in uw gemeente.");

        assertThat(as("beheerder",
                post("/beheer/accounts").with(csrf())
                    .param("username", "docent.brug")
                    .param("displayName", "Docent De Brug")
                    .param("role", "PARTNER")
                    .param("partnerId", school)
                    .param("password", "Lessen-aan-de-Brug-2026"))
            .getStatus()).isEqualTo(302);
        // the administrator's password is a one-time password: the new user chooses their
        // own first
        assertThat(as("docent.brug", "Lessen-aan-de-Brug-2026",
                post("/wachtwoord").with(csrf())
                    .param("currentPassword", "Lessen-aan-de-Brug-2026")
                    .param("newPassword", "Eigen-Brug-Wachtwoord-9")
                    .param("repeatPassword", "Eigen-Brug-Wachtwoord-9"))
            .getRedirectedUrl()).isEqualTo("/wachtwoord?gewijzigd");
        var me = mvc.perform(get("/api/v1/me").with(httpBasic("docent.brug", "Eigen-Brug-Wachtwoord-9")))
            .andReturn()
            .getResponse();
        assertThat(me.getContentAsString()).contains("\"PARTNER\"").contains(school);
        assertThat(mvc.perform(get("/api/v1/referrals").with(httpBasic("docent.brug", "Eigen-Brug-Wachtwoord-9")))
            .andReturn()
            .getResponse()
            .getStatus()).isEqualTo(200);
    }

    @Test
    void aGuessablePasswordIsRefusedWithADutchMessage() throws Exception {
        MockHttpServletResponse refused = as("beheerder",
                post("/beheer/accounts").with(csrf())
                    .param("username", "zwak.wachtwoord")
                    .param("displayName", "Zwak")
                    .param("role", "CASEWORKER")
                    .param("password", "demodemodemo"));

        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("te makkelijk te raden");
        assertThat(mvc.perform(get("/api/v1/me").with(httpBasic("zwak.wachtwoord", "demodemodemo")))
            .andReturn()
            .getResponse()
            .getStatus()).isEqualTo(401);
    }

    @Test
    void onlyTheAdministratorManagesAccounts() throws Exception {
        assertThat(as("begeleider", get("/beheer/accounts")).getStatus()).isEqualTo(403);
        assertThat(as("privacy",
                post("/beheer/accounts").with(csrf())
                    .param("username", "indringer")
                    .param("displayName", "X")
                    .param("role", "ADMIN")
                    .param("password", "Heel-Lang-Wachtwoord-1"))
            .getStatus()).isEqualTo(403);
        assertThat(as("beheerder", get("/beheer/accounts")).getContentAsString()).contains("begeleider")
            .doesNotContain("begeleider.dordrecht");
    }

    @Test
    void everyoneChangesTheirOwnPasswordAfterProvingTheCurrentOne() throws Exception {
        as("beheerder",
                post("/beheer/accounts").with(csrf())
                    .param("username", "wisselaar")
                    .param("displayName", "Wisselaar")
                    .param("role", "POLICY_OFFICER")
                    .param("password", "Eerste-Wachtwoord-123"));

        MockHttpServletResponse wrong = as("wisselaar", "Eerste-Wachtwoord-123",
                post("/wachtwoord").with(csrf())
                    .param("currentPassword", "fout")
                    .param("newPassword", "Tweede-Wachtwoord-456")
                    .param("repeatPassword", "Tweede-Wachtwoord-456"));
        MockHttpServletResponse changed = as("wisselaar", "Eerste-Wachtwoord-123",
                post("/wachtwoord").with(csrf())
                    .param("currentPassword", "Eerste-Wachtwoord-123")
                    .param("newPassword", "Tweede-Wachtwoord-456")
                    .param("repeatPassword", "Tweede-Wachtwoord-456"));

        assertThat(wrong.getContentAsString()).contains("Het huidige wachtwoord klopt niet");
        assertThat(changed.getRedirectedUrl()).isEqualTo("/wachtwoord?gewijzigd");
        assertThat(Api.as(mvc, "wisselaar").get("/api/v1/me").status()).isEqualTo(401);
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse as(String user, MockHttpServletRequestBuilder request) throws Exception {
        return as(user, "demo", request);
    }

    private MockHttpServletResponse as(String user, String password, MockHttpServletRequestBuilder request)
            throws Exception {
        return Pages.as(mvc, user, password).perform(request);
    }

}
