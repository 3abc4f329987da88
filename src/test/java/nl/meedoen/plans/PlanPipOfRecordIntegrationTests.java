package nl.meedoen.plans;

import java.time.LocalDate;
import java.util.Map;

import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trajectory's PIP and the plan's adopted version are one decision with one date: the
 * trajectory holds the decision of record, the plan its text.
 */
@MeedoenIntegrationTest
class PlanPipOfRecordIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    @Test
    void aPipAdoptedInTheTrajectoryAdoptsThePlanOnTheSameDateAndALaterPlanVersionIsARevisionOfThatPip() {
        String person = person();
        try (var day = clock.fixedAt(LocalDate.of(2026, 3, 10))) {
            goal(person, "LANGUAGE", "Spreken op B1");
            caseworker().put(duty(person),
                    Map.of("regime", "WI2021", "duoNoticeDate", "2026-02-01", "brpRegistrationDate", "2026-01-20"),
                    null);
            assertThat(caseworker()
                .post(duty(person) + "/plan", Map.of("adoptedOn", "2026-03-10", "route", "B1"),
                        caseworker().etag(duty(person)))
                .status()).isEqualTo(200);

            Response plan = caseworker().get(plan(person));
            assertThat(plan.body().get("version").asInt()).isEqualTo(1);
            assertThat(plan.body().get("adoptedOn").asString()).isEqualTo("2026-03-10");
        }
        try (var day = clock.fixedAt(LocalDate.of(2026, 4, 15))) {
            goal(person, "WORK_AND_INCOME", "Vrijwilligerswerk");
            assertThat(caseworker()
                .post(plan(person) + "/adoption", Map.of("adoptedOn", "2026-04-15"), caseworker().etag(plan(person)))
                .status()).isEqualTo(200);

            Response duty = caseworker().get(duty(person));
            assertThat(duty.body().get("adoptedOn").asString()).isEqualTo("2026-03-10");
            assertThat(duty.body().get("integrationPeriodStart").asString()).isEqualTo("2026-03-11");
            assertThat(duty.body().get("planVersion").asInt()).isEqualTo(2);
            assertThat(duty.body().get("pipRevisedOn").asString()).isEqualTo("2026-04-15");
            assertThat(duty.body().get("revisions").get(0).get("reason").asString()).isEqualTo("OTHER");
        }
    }

    @Test
    void aPlanAdoptedWithoutAPipChangesNothingInTheTrajectory() {
        String person = person();
        try (var day = clock.fixedAt(LocalDate.of(2026, 3, 10))) {
            goal(person, "LANGUAGE", "Spreken op A2");
            assertThat(caseworker()
                .post(plan(person) + "/adoption", Map.of("adoptedOn", "2026-03-10"), caseworker().etag(plan(person)))
                .status()).isEqualTo(200);

            assertThat(caseworker().get(duty(person)).status()).isEqualTo(404);
        }
    }

    private void goal(String person, String area, String description) {
        assertThat(
                caseworker().post(plan(person) + "/goals", Map.of("area", area, "description", description)).status())
            .isEqualTo(201);
    }

    private String person() {
        Response created = caseworker().post("/api/v1/persons", Api.person("Besluit", "Testpersoon"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static String plan(String person) {
        return "/api/v1/persons/" + person + "/plan";
    }

    private static String duty(String person) {
        return "/api/v1/persons/" + person + "/integration-duty";
    }

}
