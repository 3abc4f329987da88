package nl.meedoen.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.platform.Tenancy;
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
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indicators API on the demo data of Sliedrecht: the contract's fields, a strict
 * period (400 in Dutch), who may ask, no count below 5 for the policy officer, the team
 * lead's own caseload, and a policy officer refused every handler that shows person data.
 */
@MeedoenIntegrationTest
class IndicatorApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Municipalities municipalities;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void thePolicyOfficerGetsTheIndicatorsWithoutSmallCounts() {
        Api.Response answer = Api.as(mvc, "beleid").get("/api/v1/indicators?period=2025-H1");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.body();
        assertThat(body.get("period").asString()).isEqualTo("2025-H1");
        assertThat(body.get("scope").asString()).isEqualTo("municipality");
        assertThat(body.get("items")).hasSizeGreaterThan(30);
        for (JsonNode item : body.get("items")) {
            assertThat(item.has("code") && item.has("label") && item.has("suppressed") && item.has("definition"))
                .isTrue();
            assertThat(item.get("definition").asString()).isNotBlank();
            if (item.get("suppressed").asBoolean()) {
                assertThat(item.has("value")).as(item.get("code").asString()).isFalse();
            }
            else if ("COUNT".equals(item.get("measure").asString()) && item.has("value")) {
                assertThat(new BigDecimal(item.get("value").asString())).as(item.get("code").asString())
                    .isGreaterThanOrEqualTo(BigDecimal.valueOf(5));
            }
            if ("COUNT".equals(item.get("measure").asString()) && item.has("previous")) {
                assertThat(new BigDecimal(item.get("previous").asString()))
                    .isGreaterThanOrEqualTo(BigDecimal.valueOf(5));
            }
        }
        JsonNode quota = item(body, "HOUSING_QUOTA");
        assertThat(quota.get("label").asString()).isEqualTo("Taakstelling");
    }

    static JsonNode item(JsonNode body, String code) {
        for (JsonNode item : body.get("items")) {
            if (item.get("code").asString().equals(code)) {
                return item;
            }
        }
        throw new AssertionError("no " + code);
    }

    @Test
    void aPeriodThatIsNoneAnswers400InDutch() {
        Api.Response answer = Api.as(mvc, "beleid").get("/api/v1/indicators?period=2025-H3");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().toString()).contains("Vul een geldige periode in");
    }

    @Test
    void theTeamLeadSeesTheOwnTeamUnsuppressedAndACaseworkerNothing() {
        Api.Response lead = Api.as(mvc, "teamleider").get("/api/v1/indicators?period=2025-H1");
        assertThat(lead.status()).isEqualTo(200);
        assertThat(lead.body().get("scope").asString()).isEqualTo("team");
        for (JsonNode item : lead.body().get("items")) {
            if ("COUNT".equals(item.get("measure").asString())) {
                assertThat(item.get("suppressed").asBoolean()).as(item.get("code").asString()).isFalse();
            }
        }
        assertThat(Api.as(mvc, "begeleider").get("/api/v1/indicators").status()).isEqualTo(403);
        assertThat(Api.as(mvc, "beheerder").get("/api/v1/indicators").status()).isEqualTo(200);
    }

    @Test
    void aPolicyOfficerIsRefusedEveryHandlerThatShowsPersonData() throws Exception {
        Pages pages = Pages.as(mvc, "beleid");
        List<String> open = new ArrayList<>();
        int called = 0;
        for (var mapped : mapping.getHandlerMethods().entrySet()) {
            if (!mapped.getValue().hasMethodAnnotation(ShowsPersonData.class)
                    || !mapped.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                continue;
            }
            for (String pattern : mapped.getKey().getPatternValues()) {
                String address = pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                MockHttpServletResponse answer = pattern.startsWith("/api/")
                        ? Api.as(mvc, "beleid").perform(MockMvcRequestBuilders.get(address)).raw()
                        : pages.perform(MockMvcRequestBuilders.get(address));
                called++;
                if (answer.getStatus() != 403) {
                    open.add(pattern + " → " + answer.getStatus());
                }
            }
        }
        assertThat(called).isGreaterThan(20);
        assertThat(open).as("handlers that show person data open to a policy officer").isEmpty();
    }

    @Test
    void onlyAnAdministratorGetsTheNationalSumsAndRefreshesTheAggregates() {
        assertThat(Api.as(mvc, "beleid").get("/api/v1/indicators/national?period=2025-H1").status()).isEqualTo(403);
        assertThat(Api.as(mvc, "teamleider").get("/api/v1/indicators/national?period=2025-H1").status()).isEqualTo(403);
        assertThat(Api.as(mvc, "beleid").post("/api/v1/indicators/aggregates", Map.of()).status()).isEqualTo(403);
        assertThat(Api.as(mvc, "beheerder").get("/api/v1/indicators/national?period=2025-H3").status()).isEqualTo(400);
        UUID sliedrecht = municipalities.byCode("0610").orElseThrow().id();
        try {
            Api.Response refreshed = Api.as(mvc, "beheerder").post("/api/v1/indicators/aggregates", Map.of());
            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(refreshed.body().get("scopes").asInt()).isGreaterThanOrEqualTo(3);
            JsonNode ownSheet = Api.as(mvc, "beleid").get("/api/v1/indicators?period=2025-H1").body();
            assertThat(ownSheet.get("updatedAt").asString()).isNotBlank();
            Api.Response answer = Api.as(mvc, "beheerder").get("/api/v1/indicators/national?period=2025-H1");
            assertThat(answer.status()).isEqualTo(200);
            JsonNode body = answer.body();
            assertThat(body.get("municipalities").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(body.get("updatedAt").asString()).isNotBlank();
            assertThat(body.get("items")).hasSizeGreaterThan(30);
            for (JsonNode item : body.get("items")) {
                assertThat(item.get("measure").asString()).isNotEqualTo("MEDIAN");
                if (item.get("suppressed").asBoolean()) {
                    assertThat(item.has("value")).as(item.get("code").asString()).isFalse();
                }
                else if ("COUNT".equals(item.get("measure").asString()) && item.has("value")) {
                    assertThat(new BigDecimal(item.get("value").asString())).as(item.get("code").asString())
                        .isGreaterThanOrEqualTo(BigDecimal.valueOf(5));
                }
            }
        }
        finally {
            Tenancy.runAs(sliedrecht,
                    () -> jdbc.sql("delete from indicator_aggregate where municipality_id = :m")
                        .param("m", sliedrecht)
                        .update());
        }
    }

}
