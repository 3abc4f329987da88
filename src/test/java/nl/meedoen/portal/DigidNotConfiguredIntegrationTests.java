package nl.meedoen.portal;

import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a DigiD broker configured ({@code meedoen.portal.digid.issuer} empty) the login
 * page offers no DigiD and its address leads to no provider.
 */
@MeedoenIntegrationTest
class DigidNotConfiguredIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theLoginPageOffersNoDigidAndItsAddressGoesNowhereWhenNotConfigured() throws Exception {
        String page = mvc.perform(MockMvcRequestBuilders.get("/inloggen"))
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("name=\"password\"").doesNotContain("DigiD").doesNotContain("/oauth2/authorization");

        MockHttpServletResponse start = mvc.perform(MockMvcRequestBuilders.get("/oauth2/authorization/digid"))
            .andReturn()
            .getResponse();
        assertThat(start.getStatus()).isEqualTo(302);
        assertThat(start.getRedirectedUrl()).endsWith("/inloggen");
    }

}
