package nl.meedoen.audit.internal;

import java.util.HashMap;
import java.util.Map;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The municipality's own retention periods: an administrator sets one with the version
 * shown (a stale or missing one refused, bounds checked), a privacy officer reads them,
 * and the page shows the periods, the dry run and the runs.
 */
@MeedoenIntegrationTest
class RetentionSettingsIntegrationTests {

    private static final String HOUSING = "/api/v1/retention/settings/housing.text";

    @Autowired
    MockMvc mvc;

    @Test
    void anAdministratorSetsAPeriodWithTheVersionShownAndAPrivacyOfficerOnlyReadsIt() {
        Api admin = Api.as(mvc, "beheerder");
        Api privacy = Api.as(mvc, "privacy");
        JsonNode list = privacy.get("/api/v1/retention/settings").body().get("items");
        assertThat(list.toString()).contains("residents.person", "trajectories.text", "plans.text", "housing.text",
                "audit.log");
        assertThat(Api.as(mvc, "begeleider").get("/api/v1/retention/settings").status()).isEqualTo(403);

        String read = admin.etag(HOUSING);
        assertThat(read).isEqualTo("\"0\"");
        assertThat(privacy.put(HOUSING, Map.of("months", 36), read).status()).isEqualTo(403);
        assertThat(admin.put(HOUSING, Map.of("months", 36), null).status()).isEqualTo(428);
        assertThat(admin.put(HOUSING, Map.of("months", 0), read).status()).isEqualTo(400);
        assertThat(admin.put(HOUSING, Map.of("months", 1201), read).status()).isEqualTo(400);
        Response set = admin.put(HOUSING, Map.of("months", 36), read);
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().get("period").asString()).isEqualTo("P36M");
        assertThat(set.body().get("defaultPeriod").asString()).isEqualTo("P2Y");
        Response stale = admin.put(HOUSING, Map.of("months", 48), read);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(admin.get(HOUSING).body().get("months").asInt()).isEqualTo(36);

        Map<String, Object> backToDefault = new HashMap<>();
        backToDefault.put("months", null);
        assertThat(admin.put(HOUSING, backToDefault, set.header("ETag")).status()).isEqualTo(200);
        assertThat(admin.get(HOUSING).body().has("months")).isFalse();
        assertThat(admin.put("/api/v1/retention/settings/audit.log", Map.of("months", 12), "\"0\"").status())
            .isEqualTo(409);
        assertThat(admin.get("/api/v1/retention/settings/onbekend.soort").status()).isEqualTo(404);
    }

    @Test
    void thePageShowsThePeriodsTheDryRunAndTheRunsAndRefusesAStaleForm() throws Exception {
        Pages admin = Pages.as(mvc, "beheerder");
        String page = text(admin.perform(get("/bewaartermijnen")));
        assertThat(page).contains("Bewaartermijnen", "Persoonsdossier", "Selectielijst", "Wat nu zou verdwijnen",
                "Vrije tekst bij huisvesting", "name=\"version\"");
        String readOnly = text(Pages.as(mvc, "privacy").perform(get("/bewaartermijnen")));
        assertThat(readOnly).contains("alleen een beheerder wijzigt ze").doesNotContain("name=\"months\"");
        assertThat(Pages.as(mvc, "privacy")
            .perform(post("/bewaartermijnen/plans.text").with(csrf()).param("months", "30").param("version", "0"))
            .getStatus()).isEqualTo(403);

        MockHttpServletResponse saved = admin
            .perform(post("/bewaartermijnen/plans.text").with(csrf()).param("months", "30").param("version", "0"));
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(text(admin.perform(get("/bewaartermijnen")))).contains("value=\"30\"");
        String stale = text(admin
            .perform(post("/bewaartermijnen/plans.text").with(csrf()).param("months", "40").param("version", "0")));
        assertThat(stale).contains("Iemand anders heeft").contains("value=\"30\"");
        String tooLong = text(admin
            .perform(post("/bewaartermijnen/plans.text").with(csrf()).param("months", "5000").param("version", "1")));
        assertThat(tooLong).contains("Vul een termijn in van 1 tot 1200 maanden");
        assertThat(admin.perform(post("/bewaartermijnen/plans.text").with(csrf()).param("version", "1")).getStatus())
            .isEqualTo(302);
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        return response.getContentAsString();
    }

}
