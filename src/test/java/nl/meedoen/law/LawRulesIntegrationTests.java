package nl.meedoen.law;

import java.nio.charset.StandardCharsets;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The rule set over the API and on the page /regels. */
@MeedoenIntegrationTest
class LawRulesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theApiAnswersTheVersionInForceOnTheDateWithEveryRuleItsValueUnitAndSource() {
        Response july = Api.as(mvc, "beleid").get("/api/v1/rules?on=2025-07-01");
        Response june = Api.as(mvc, "begeleider").get("/api/v1/rules?on=2025-06-30");

        assertThat(july.status()).isEqualTo(200);
        assertThat(july.body().get("version").asString()).isEqualTo("2025.07");
        assertThat(july.body().get("effectiveFrom").asString()).isEqualTo("2025-07-01");
        JsonNode fine = item(july.body(), "FINE_MAX_EUROS");
        assertThat(fine.get("value").asInt()).isEqualTo(800);
        assertThat(fine.get("unit").asString()).isEqualTo("EUROS");
        assertThat(fine.get("source").asString()).isEqualTo("Wet inburgering 2021, art. 22–23");
        assertThat(item(july.body(), "Z_SCHOOL_HOURS_COUNT").get("value").asInt()).isEqualTo(1);
        assertThat(june.body().get("version").asString()).isEqualTo("2022.01");
        assertThat(item(june.body(), "Z_SCHOOL_HOURS_COUNT").get("value").asInt()).isEqualTo(0);
    }

    @Test
    void aBadDateOrOneBeforeTheFirstVersionIsA400ProblemAndAPartnerMayNotRead() {
        Response bad = Api.as(mvc, "begeleider").get("/api/v1/rules?on=2025-02-30");
        Response early = Api.as(mvc, "begeleider").get("/api/v1/rules?on=2010-01-01");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").toString()).contains("on");
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body().toString()).contains("gold nog geen landelijke regelset");
        assertThat(Api.as(mvc, "partner").get("/api/v1/rules").status()).isEqualTo(403);
    }

    @Test
    void theRulesPageListsTheRuleSetInForceAndItsHistoryInDutch() throws Exception {
        MockHttpServletResponse response = Pages.as(mvc, "beheerder").perform(get("/regels"));
        String page = response.getContentAsString(StandardCharsets.UTF_8);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(page).contains("Regels van de wet", "Boete van de gemeente ten hoogste", "€ 800",
                "Participatiewet, art. 56a", "Schooluren van jongeren in de Z-route tellen mee", "Versie 2017.10");
    }

    private static JsonNode item(JsonNode set, String code) {
        for (JsonNode item : set.get("items")) {
            if (item.get("code").asString().equals(code)) {
                return item;
            }
        }
        throw new AssertionError("no rule " + code);
    }

}
