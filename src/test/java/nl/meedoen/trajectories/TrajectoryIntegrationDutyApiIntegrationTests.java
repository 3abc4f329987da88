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

/** The integration-duty API contract, each test on a person of its own. */
@MeedoenIntegrationTest
class TrajectoryIntegrationDutyApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    @Test
    void theDutyGivesThePlanDueDateAndTheAdoptedPlanItsPeriodAndRouteSwitchWindow() {
        String person = person();

        Response duty = caseworker().put(duty(person),
                Map.of("regime", "WI2021", "duoNoticeDate", "2023-12-21", "brpRegistrationDate", "2023-12-01"), null);
        assertThat(duty.status()).isEqualTo(200);
        assertThat(duty.body().get("planDueDate").asString()).isEqualTo("2024-02-29");

        Response plan = caseworker().post(duty(person) + "/plan", Map.of("adoptedOn", "2024-02-28", "route", "B1"),
                caseworker().etag(duty(person)));
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.body().get("integrationPeriodStart").asString()).isEqualTo("2024-02-29");
        assertThat(plan.body().get("integrationPeriodEnd").asString()).isEqualTo("2027-02-27");
        assertThat(plan.body().get("routeSwitchDeadline").asString()).isEqualTo("2025-08-28");
        assertThat(caseworker().get(duty(person)).body().get("route").asString()).isEqualTo("B1");
    }

    @Test
    void thirdPartyInformationMovesTheDueDateToAtLeastTwoWeeksAfterItArrived() {
        String person = person();

        Response duty = caseworker().put(duty(person), Map.of("regime", "WI2021", "duoNoticeDate", "2024-01-05",
                "brpRegistrationDate", "2024-01-10", "thirdPartyInfoReceivedDate", "2024-03-15"), null);

        assertThat(duty.status()).isEqualTo(200);
        assertThat(duty.body().get("planDueDate").asString()).isEqualTo("2024-03-29");
    }

    @Test
    void aPlanBeforeTheNoticeOrWithAnUnknownRouteIsRefusedAndNothingIsStored() {
        String person = person();
        caseworker().put(duty(person),
                Map.of("regime", "WI2021", "duoNoticeDate", "2025-03-10", "brpRegistrationDate", "2025-03-01"), null);

        Response early = caseworker().post(duty(person) + "/plan", Map.of("adoptedOn", "2025-03-09", "route", "B1"),
                caseworker().etag(duty(person)));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body().toString()).contains("kennisgeving van DUO");
        Response unknown = caseworker().post(duty(person) + "/plan", Map.of("adoptedOn", "2025-04-01", "route", "A2"),
                caseworker().etag(duty(person)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(caseworker().get(duty(person)).body().has("adoptedOn")).isFalse();
    }

    @Test
    void anUnknownRegimeOrAMissingDateIsRefusedAndAPlanNeedsTheDutyFirst() {
        String person = person();

        assertThat(
                caseworker()
                    .put(duty(person),
                            Map.of("regime", "WI2030", "duoNoticeDate", "2025-03-10", "brpRegistrationDate",
                                    "2025-03-01"),
                            null)
                    .status())
            .isEqualTo(400);
        assertThat(caseworker().put(duty(person), Map.of("regime", "WI2021", "duoNoticeDate", "2025-03-10"), null)
            .status()).isEqualTo(400);
        assertThat(caseworker().get(duty(person)).status()).isEqualTo(404);
        assertThat(caseworker().post(duty(person) + "/plan", Map.of("adoptedOn", "2025-04-01", "route", "Z")).status())
            .isEqualTo(409);
    }

    @Test
    void anEarlierDutyIsRecordedUnderTheOldLawWithoutAPlan() {
        String person = person();

        Response duty = caseworker().put(duty(person),
                Map.of("regime", "WI2013", "duoNoticeDate", "2019-05-01", "brpRegistrationDate", "2019-04-20"), null);

        assertThat(duty.status()).isEqualTo(200);
        assertThat(duty.body().get("regime").asString()).isEqualTo("WI2013");
        assertThat(duty.body().has("planDueDate")).isFalse();
        assertThat(caseworker()
            .post(duty(person) + "/plan", Map.of("adoptedOn", "2019-06-01", "route", "B1"),
                    caseworker().etag(duty(person)))
            .status()).isEqualTo(409);
    }

    @Test
    void article11TheIntegrationPeriodRunsFromTheDayAfterTheFirstPipAndARevisionDoesNotMoveIt() {
        String person = person();
        caseworker().put(duty(person),
                Map.of("regime", "WI2021", "duoNoticeDate", "2025-01-10", "brpRegistrationDate", "2025-01-06"), null);

        Response first = caseworker().post(duty(person) + "/plan", Map.of("adoptedOn", "2025-03-01", "route", "B1"),
                caseworker().etag(duty(person)));
        Response again = caseworker().post(duty(person) + "/plan",
                Map.of("adoptedOn", "2026-06-01", "route", "B1", "revisionReason", "OBJECTION"),
                caseworker().etag(duty(person)));

        assertThat(first.body().get("integrationPeriodStart").asString()).isEqualTo("2025-03-02");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("integrationPeriodStart").asString()).isEqualTo("2025-03-02");
        assertThat(again.body().get("integrationPeriodEnd").asString()).isEqualTo("2028-03-01");
        assertThat(again.body().get("routeSwitchDeadline").asString()).isEqualTo("2026-09-01");
        assertThat(again.body().get("adoptedOn").asString()).isEqualTo("2025-03-01");
        assertThat(again.body().get("pipRevisedOn").asString()).isEqualTo("2026-06-01");
        assertThat(again.body().get("planVersion").asInt()).isEqualTo(2);
        assertThat(again.body().get("revisions").get(0).get("reason").asString()).isEqualTo("OBJECTION");
        Response third = caseworker().post(duty(person) + "/plan", Map.of("adoptedOn", "2026-07-01", "route", "B1"),
                caseworker().etag(duty(person)));
        assertThat(third.body().get("integrationPeriodStart").asString()).isEqualTo("2025-03-02");
        assertThat(third.body().get("revisions").get(1).get("reason").asString()).isEqualTo("OTHER");
    }

    @Test
    void aRevisionBeforeTheFirstPipOrWithAnUnknownReasonIsRefusedAndAnotherRouteOnlyWithinTheSwitchWindow() {
        String person = person();
        caseworker().put(duty(person),
                Map.of("regime", "WI2021", "duoNoticeDate", "2025-01-10", "brpRegistrationDate", "2025-01-06"), null);
        caseworker().post(duty(person) + "/plan", Map.of("adoptedOn", "2025-03-01", "route", "B1"),
                caseworker().etag(duty(person)));

        Response early = caseworker().post(duty(person) + "/plan", Map.of("adoptedOn", "2025-02-28", "route", "B1"),
                caseworker().etag(duty(person)));
        Response unknown = caseworker().post(duty(person) + "/plan",
                Map.of("adoptedOn", "2025-04-01", "route", "B1", "revisionReason", "WHIM"),
                caseworker().etag(duty(person)));
        Response late = caseworker().post(duty(person) + "/plan",
                Map.of("adoptedOn", "2026-09-02", "route", "Z", "revisionReason", "ROUTE_SWITCH"),
                caseworker().etag(duty(person)));

        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body().toString()).contains("eerste PIP");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().get("errors").toString()).contains("revisionReason");
        assertThat(late.status()).isEqualTo(409);
        assertThat(caseworker().get(duty(person)).body().get("route").asString()).isEqualTo("B1");
    }

    @Test
    void everyComputedDateCarriesItsBasisWithTheRuleTheInputsTheVersionAndADutchSentence() {
        String person = person();
        caseworker().put(duty(person),
                Map.of("regime", "WI2021", "duoNoticeDate", "2024-12-20", "brpRegistrationDate", "2025-01-06"), null);

        var basis = caseworker().get(duty(person)).body().get("basis");
        var planDue = basis.get("planDueDate");
        assertThat(planDue.get("rule").asString()).isEqualTo("PLAN_WEEKS");
        assertThat(planDue.get("inputs").get("brpRegistrationDate").asString()).isEqualTo("2025-01-06");
        assertThat(planDue.get("ruleVersion").asString()).isEqualTo("2022.01");
        assertThat(planDue.get("source").asString()).isEqualTo("Wet inburgering 2021");
        assertThat(planDue.get("explanation").asString()).isEqualTo(
                "PIP uiterlijk 17-03-2025: 10 weken na inschrijving in de BRP op 06-01-2025 (Wet inburgering 2021)");

        caseworker().post(duty(person) + "/plan", Map.of("adoptedOn", "2025-03-01", "route", "Z"),
                caseworker().etag(duty(person)));
        var adopted = caseworker().get(duty(person)).body().get("basis");
        assertThat(adopted.get("integrationPeriodEnd").get("explanation").asString()).isEqualTo(
                "Inburgeringstermijn tot en met 01-03-2028: 3 jaar vanaf de dag na het eerste PIP van 01-03-2025 "
                        + "(Wet inburgering 2021, art. 11)");
        assertThat(adopted.get("routeSwitchDeadline").get("inputs").get("integrationPeriodStart").asString())
            .isEqualTo("2025-03-02");
    }

    @Test
    void underTheWetInburgering2013TheParticipationDeclarationIsDueWithinAYearOfRegistrationWithItsBasis() {
        String person = person();

        Response duty = caseworker().put(duty(person),
                Map.of("regime", "WI2013", "duoNoticeDate", "2019-05-01", "brpRegistrationDate", "2019-04-20"), null);

        assertThat(duty.body().get("participationDeclarationDueDate").asString()).isEqualTo("2020-04-19");
        assertThat(duty.body().get("basis").get("participationDeclarationDueDate").get("source").asString())
            .isEqualTo("Wet inburgering (2013)");
    }

    private String person() {
        Response created = caseworker().post("/api/v1/persons",
                new HashMap<>(Api.person("Inburgering", "Testpersoon")));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static String duty(String person) {
        return "/api/v1/persons/" + person + "/integration-duty";
    }

}
