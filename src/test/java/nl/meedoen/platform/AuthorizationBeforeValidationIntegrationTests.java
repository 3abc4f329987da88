package nl.meedoen.platform;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A caller who may not use an operation hears so first, whatever the request carries. */
@MeedoenIntegrationTest
class AuthorizationBeforeValidationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"givenName\":1,\"dateOfBirth\":\"gisteren\"}", "[", "null" })
    void aRoleThatMayNotCallAnOperationGets403BeforeAnyValidationOfTheBody(String body) {
        Response refused = Api.as(mvc, "partner").postRaw("/api/v1/persons", body, MediaType.APPLICATION_JSON, "nl");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(refused.body().get("detail").asString()).isNotBlank();
        assertThat(refused.body().has("errors")).isFalse();
    }

    @Test
    void aRoleThatMayNotCallAnOperationGets403BeforeABadPathVariable() {
        Response refused = Api.as(mvc, "partner").get("/api/v1/persons/not-a-uuid");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().has("errors")).isFalse();
    }

    @Test
    void theRoleAnOperationIsForStillGetsItsValidationAnswer() {
        Response invalid = Api.as(mvc, "begeleider").postRaw("/api/v1/persons", "{}", MediaType.APPLICATION_JSON, "nl");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors")).isNotEmpty();
    }

    @Test
    void aPageFormThatARoleMayNotSendShowsTheNoAccessPageBeforeItsFieldsAreRead() throws Exception {
        MockHttpServletResponse refused = Pages.as(mvc, "begeleider")
            .perform(post("/beheer/accounts/not-a-uuid").param("version", "abc").with(csrf()));

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getForwardedUrl()).isEqualTo("/geen-toegang");
    }

}
