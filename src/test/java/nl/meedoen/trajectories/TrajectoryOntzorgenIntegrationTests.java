package nl.meedoen.trajectories;

import java.util.HashMap;
import java.util.Map;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ontzorgen as art. 56a Participatiewet has it: who is eligible, the legal months, early
 * end with the benefit, a longer period only with a reason, each test on a person of its
 * own.
 */
@MeedoenIntegrationTest
class TrajectoryOntzorgenIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    @Test
    void aFamilyMigrantIsNotEligibleForOntzorgenAndIsToldWhyInDutch() {
        String person = person("FAMILY_MIGRANT");
        underTheDuty(person);

        Response refused = caseworker().put(path(person), Map.of("assistanceStart", "2026-03-01"), null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("detail").asString()).contains("Gezinsmigranten")
            .contains("artikel 56a Participatiewet");
        assertThat(caseworker().get(path(person)).status()).isEqualTo(404);
    }

    @Test
    void aPermitHolderWithoutTheDutyOfTheWetInburgering2021IsNotEligible() {
        String person = person("PERMIT_HOLDER");

        Response refused = caseworker().put(path(person), Map.of("assistanceStart", "2026-03-01"), null);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("detail").asString()).contains("inburgeringsplichtig");
    }

    @Test
    void ontzorgenEndsEarlyWhenTheBenefitEndsAndRecordsTheSignedAuthorisation() {
        String person = person("PERMIT_HOLDER");
        underTheDuty(person);

        Response saved = caseworker().put(path(person), Map.of("assistanceStart", "2026-01-31", "authorisationSignedOn",
                "2026-02-02", "assistanceEnd", "2026-05-15"), null);

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.body().get("endDate").asString()).isEqualTo("2026-05-15");
        assertThat(saved.body().get("authorisationSignedOn").asString()).isEqualTo("2026-02-02");
        assertThat(saved.body().get("basis").get("endDate").get("explanation").asString())
            .isEqualTo("Ontzorgen tot 15-05-2026: de bijstand eindigde op 15-05-2026 (Participatiewet, art. 56a)");
    }

    @Test
    void aLongerPeriodNeedsARecordedReasonAndMustBeLongerThanTheLegalMonths() {
        String person = person("PERMIT_HOLDER");
        underTheDuty(person);

        Response noReason = caseworker().put(path(person),
                Map.of("assistanceStart", "2026-01-31", "extendedUntil", "2026-10-31"), null);
        Response notLonger = caseworker().put(path(person),
                Map.of("assistanceStart", "2026-01-31", "extendedUntil", "2026-07-31", "extensionReason", "Schulden"),
                null);
        Response longer = caseworker().put(path(person), Map.of("assistanceStart", "2026-01-31", "extendedUntil",
                "2026-10-31", "extensionReason", "Schuldhulp loopt nog"), null);

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().get("errors").toString()).contains("extensionReason");
        assertThat(notLonger.status()).isEqualTo(400);
        assertThat(notLonger.body().get("errors").toString()).contains("extendedUntil");
        assertThat(longer.status()).isEqualTo(200);
        assertThat(longer.body().get("endDate").asString()).isEqualTo("2026-10-31");
        assertThat(longer.body().get("extensionReason").asString()).isEqualTo("Schuldhulp loopt nog");
    }

    @Test
    void theSixMonthsRunFromTheStartOfTheBenefitToTheLastDayOfAShorterMonthWithTheirBasis() {
        String person = person("PERMIT_HOLDER");
        underTheDuty(person);

        Response saved = caseworker().put(path(person), Map.of("assistanceStart", "2027-08-31"), null);

        assertThat(saved.body().get("endDate").asString()).isEqualTo("2028-02-29");
        var basis = saved.body().get("basis").get("endDate");
        assertThat(basis.get("rule").asString()).isEqualTo("ONTZORGEN_MONTHS");
        assertThat(basis.get("inputs").get("assistanceStart").asString()).isEqualTo("2027-08-31");
        assertThat(basis.get("source").asString()).isEqualTo("Participatiewet, art. 56a");
    }

    private void underTheDuty(String person) {
        assertThat(
                caseworker()
                    .put("/api/v1/persons/" + person + "/integration-duty",
                            Map.of("regime", "WI2021", "duoNoticeDate", "2025-12-01", "brpRegistrationDate",
                                    "2025-11-20"),
                            null)
                    .status())
            .isEqualTo(200);
    }

    private String person(String category) {
        Map<String, Object> person = new HashMap<>(Api.person("Ontzorgen", "Testpersoon"));
        person.put("category", category);
        Response created = caseworker().post("/api/v1/persons", person);
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static String path(String person) {
        return "/api/v1/persons/" + person + "/ontzorgen";
    }

}
