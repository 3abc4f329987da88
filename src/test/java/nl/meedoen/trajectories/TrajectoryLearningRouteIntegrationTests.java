package nl.meedoen.trajectories;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learning route after the PIP: step-down only after the NT2 hours, route switch only
 * within its window, the Z-route and MAP where they belong, exam results, DUO's
 * exemptions, ontzorgen and the caseworker's own calendar.
 */
@MeedoenIntegrationTest
class TrajectoryLearningRouteIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    LessonHours lessonHours;

    @Autowired
    Municipalities municipalities;

    Api caseworker() {
        return Api.as(mvc, "begeleider");
    }

    @Test
    void theB1RouteStepsDownToA2OnlyAfterSixHundredLessonHoursAndRevisesThePlan() {
        LocalDate adopted = LocalDate.now().minusMonths(10);
        String person = personWithPlan(adopted, "B1");
        recordHours(person, "599.5");

        Response tooFew = caseworker().post(duty(person) + "/step-down",
                Map.of("on", LocalDate.now().toString(), "reason", "Leert langzaam"), caseworker().etag(duty(person)));
        assertThat(tooFew.status()).isEqualTo(409);
        assertThat(tooFew.body().get("detail").asString()).contains("600").contains("599,5");

        recordHours(person, "600");
        Response steppedDown = caseworker().post(duty(person) + "/step-down",
                Map.of("on", LocalDate.now().toString(), "reason", "Leert langzaam"), caseworker().etag(duty(person)));
        assertThat(steppedDown.status()).isEqualTo(200);
        assertThat(steppedDown.body().get("route").asString()).isEqualTo("B1");
        assertThat(steppedDown.body().get("level").asString()).isEqualTo("A2");
        assertThat(steppedDown.body().get("pipRevisedOn").asString()).isEqualTo(LocalDate.now().toString());
        assertThat(steppedDown.body().get("changes").get(0).get("kind").asString()).isEqualTo("STEP_DOWN");
        assertThat(steppedDown.body().get("steppedDownParts")).hasSize(4);
        assertThat(caseworker()
            .post(duty(person) + "/step-down", Map.of("on", LocalDate.now().toString(), "reason", "nogmaals"),
                    caseworker().etag(duty(person)))
            .status()).isEqualTo(409);
    }

    @Test
    void aStepDownOfAnExamPartWith599LessonHoursIsRefusedNamingTheRule() {
        String person = personWithPlan(LocalDate.now().minusMonths(10), "B1");

        Response refused = caseworker().post(duty(person) + "/step-down", stepDown(List.of("READING"), "599", "400"),
                caseworker().etag(duty(person)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").toString()).contains("lessonHours")
            .contains("afschalen na lesuren")
            .contains("Besluit inburgering 2021");
        assertThat(caseworker().get(duty(person) + "/learning-route").body().get("steppedDownParts")).isEmpty();
    }

    @Test
    void aStepDownOfAnExamPartWith600LessonHoursOfWhich49PercentInClassIsRefused() {
        String person = personWithPlan(LocalDate.now().minusMonths(10), "B1");

        Response refused = caseworker().post(duty(person) + "/step-down", stepDown(List.of("WRITING"), "600", "294"),
                caseworker().etag(duty(person)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").toString()).contains("classroomHours")
            .contains("aandeel klassikale lesuren");
        assertThat(caseworker().get(duty(person) + "/learning-route").body().get("changes")).isEmpty();
    }

    @Test
    void aStepDownOfExamPartsWith600LessonHoursOfWhichHalfInClassIsAcceptedForThosePartsOnly() {
        String person = personWithPlan(LocalDate.now().minusMonths(10), "B1");

        Response accepted = caseworker().post(duty(person) + "/step-down",
                stepDown(List.of("WRITING", "READING"), "600", "300"), caseworker().etag(duty(person)));

        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("steppedDownParts").toString()).isEqualTo("[\"READING\",\"WRITING\"]");
        assertThat(accepted.body().get("level").asString()).isEqualTo("B1");
        JsonNode change = accepted.body().get("changes").get(0);
        assertThat(change.get("parts").toString()).isEqualTo("[\"READING\",\"WRITING\"]");
        assertThat(change.get("lessonHours").decimalValue()).isEqualByComparingTo("600");
        assertThat(change.get("classroomHours").decimalValue()).isEqualByComparingTo("300");
        assertThat(caseworker()
            .post(duty(person) + "/step-down", stepDown(List.of("READING"), "650", "400"),
                    caseworker().etag(duty(person)))
            .status()).isEqualTo(409);
        assertThat(caseworker()
            .post(duty(person) + "/step-down", stepDown(List.of("KNM"), "650", "400"), caseworker().etag(duty(person)))
            .status()).isEqualTo(400);
        assertThat(caseworker()
            .post(duty(person) + "/step-down", stepDown(List.of("SPEAKING"), "600", null),
                    caseworker().etag(duty(person)))
            .status()).isEqualTo(400);

        Response rest = caseworker().post(duty(person) + "/step-down",
                stepDown(List.of("LISTENING", "SPEAKING"), "650", "325"), caseworker().etag(duty(person)));
        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.body().get("level").asString()).isEqualTo("A2");
        assertThat(rest.body().get("steppedDownParts")).hasSize(4);
    }

    @Test
    void theMapRecordsWhichOfItsThemesWereDoneAndRefusesAnUnknownTheme() {
        String person = personWithPlan(LocalDate.now().minusMonths(3), "B1");

        Response recorded = caseworker().put(duty(person) + "/progress",
                Map.of("mapThemes", List.of("WORK_SKILLS", "DUTCH_LABOUR_MARKET", "WORK_SKILLS")), etag(person));
        Response unknown = caseworker().put(duty(person) + "/progress",
                Map.of("mapThemes", List.of("DUTCH_LABOUR_MARKET", "KOKEN")), etag(person));
        Response count = caseworker().put(duty(person) + "/progress", Map.of("mapThemesDone", 3), etag(person));

        assertThat(recorded.status()).isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(count.status()).isEqualTo(400);
        JsonNode map = caseworker().get(duty(person) + "/learning-route").body().get("map");
        assertThat(map.get("mapThemes").toString()).isEqualTo("[\"DUTCH_LABOUR_MARKET\",\"WORK_SKILLS\"]");
        assertThat(map.get("themesDone").asInt()).isEqualTo(2);

        assertThat(caseworker().put(duty(person) + "/progress", Map.of("mapThemes", List.of()), etag(person)).status())
            .isEqualTo(200);
        assertThat(caseworker().get(duty(person) + "/learning-route").body().get("map").get("mapThemes")).isEmpty();
    }

    @Test
    void aRouteSwitchIsPossibleUntilTheLastDayOfItsWindowAndNotAfter() {
        LocalDate adopted = LocalDate.now().minusMonths(12);
        String person = personWithPlan(adopted, "B1");
        LocalDate deadline = adopted.plusDays(1).plusMonths(18).minusDays(1);

        Response tooLate = caseworker().post(duty(person) + "/route-switch",
                Map.of("to", "Z", "on", deadline.plusDays(1).toString(), "reason", "Niet leerbaar"),
                caseworker().etag(duty(person)));
        assertThat(tooLate.status()).isEqualTo(409);
        Response unknown = caseworker().post(duty(person) + "/route-switch",
                Map.of("to", "A2", "on", LocalDate.now().toString(), "reason", "x"), caseworker().etag(duty(person)));
        assertThat(unknown.status()).isEqualTo(400);
        Response noReason = caseworker().post(duty(person) + "/route-switch",
                Map.of("to", "Z", "on", LocalDate.now().toString()), caseworker().etag(duty(person)));
        assertThat(noReason.status()).isEqualTo(400);

        Response switched = caseworker().post(duty(person) + "/route-switch",
                Map.of("to", "Z", "on", deadline.toString(), "reason", "Leerbaarheid lager dan gedacht"),
                caseworker().etag(duty(person)));
        assertThat(switched.status()).isEqualTo(200);
        assertThat(switched.body().get("route").asString()).isEqualTo("Z");
        assertThat(switched.body().get("pipRevisedOn").asString()).isEqualTo(deadline.toString());
        assertThat(switched.body().get("zRoute").get("courseHours").decimalValue()).isZero();
        assertThat(caseworker().get(duty(person)).body().get("route").asString()).isEqualTo("Z");
    }

    @Test
    void aSwitchOrStepDownOnARouteSomeoneElseChangedIsRefused() {
        String person = personWithPlan(LocalDate.now().minusMonths(10), "B1");
        String read = caseworker().etag(duty(person));
        recordHours(person, "650");
        // Another caseworker records the MAP in between: the version read is stale now.
        assertThat(caseworker().put(duty(person) + "/progress", Map.of("mapThemes", List.of()), read).status())
            .isEqualTo(200);
        Map<String, Object> switchToZ = Map.of("to", "Z", "on", LocalDate.now().toString(), "reason", "Niet leerbaar");

        assertThat(caseworker().post(duty(person) + "/route-switch", switchToZ, read).status()).isEqualTo(412);
        assertThat(caseworker().post(duty(person) + "/route-switch", switchToZ, null).status()).isEqualTo(428);
        assertThat(caseworker().post(duty(person) + "/step-down", stepDown(List.of("READING"), "650", "400"), read)
            .status()).isEqualTo(412);
        assertThat(caseworker().post(duty(person) + "/step-down", stepDown(List.of("READING"), "650", "400"), null)
            .status()).isEqualTo(428);
        assertThat(caseworker().get(duty(person)).body().get("route").asString()).isEqualTo("B1");
        assertThat(caseworker().get(duty(person) + "/learning-route").body().get("steppedDownParts")).isEmpty();

        Map<String, String> revision = Map.of("adoptedOn", LocalDate.now().toString(), "route", "B1");
        assertThat(caseworker().post(duty(person) + "/plan", revision, read).status()).isEqualTo(412);
        assertThat(caseworker().post(duty(person) + "/plan", revision, null).status()).isEqualTo(428);
    }

    @Test
    void zRouteHoursBelongToTheZRouteAndTheOnderwijsrouteHasNoMap() {
        String z = personWithPlan(LocalDate.now().minusMonths(3), "Z");
        Response hours = caseworker().put(duty(z) + "/progress",
                Map.of("zCourseHours", 120, "zParticipationHours", 80.5, "mapPracticalHours", 12, "mapThemes",
                        List.of("WORK_AND_INCOME", "LOOKING_FOR_WORK")),
                caseworker().get(duty(z) + "/learning-route").header("ETag"));
        assertThat(hours.status()).isEqualTo(200);
        assertThat(hours.body().get("zRoute").get("participationHours").decimalValue()).isEqualByComparingTo("80.5");
        assertThat(hours.body().get("map").get("themesDone").asInt()).isEqualTo(2);
        assertThat(caseworker().put(duty(z) + "/progress", Map.of("mapThemes", List.of("KOKEN")), null).status())
            .isEqualTo(400);

        String onderwijs = personWithPlan(LocalDate.now().minusMonths(3), "ONDERWIJS");
        Response map = caseworker().put(duty(onderwijs) + "/progress", Map.of("mapPracticalHours", 10), null);
        assertThat(map.status()).isEqualTo(409);
        assertThat(map.body().get("detail").asString()).contains("onderwijsroute");
        assertThat(caseworker().put(duty(onderwijs) + "/progress", Map.of("zCourseHours", 10), null).status())
            .isEqualTo(409);
        assertThat(caseworker().get(duty(onderwijs) + "/learning-route").body().has("map")).isFalse();
    }

    @Test
    void examResultsAreRecordedPerPartAndAnExemptPartIsNotExamined() {
        String person = personWithPlan(LocalDate.now().minusMonths(20), "B1");

        assertThat(caseworker()
            .post(duty(person) + "/exam-results", Map.of("part", "READING", "level", "B1", "result", "PASSED",
                    "takenOn", LocalDate.now().minusDays(10).toString()))
            .status()).isEqualTo(201);
        assertThat(caseworker()
            .post(duty(person) + "/exam-results",
                    Map.of("part", "KNM", "level", "B1", "result", "PASSED", "takenOn", LocalDate.now().toString()))
            .status()).isEqualTo(400);
        assertThat(caseworker()
            .post(duty(person) + "/exam-results",
                    Map.of("part", "DRIVING", "result", "PASSED", "takenOn", LocalDate.now().toString()))
            .status()).isEqualTo(400);

        Response exempt = caseworker().post(exemptions(person), Map.of("part", "KNM", "kind", "VRIJSTELLING",
                "decidedOn", LocalDate.now().minusDays(1).toString(), "ground", "Diploma in Nederland behaald"));
        assertThat(exempt.status()).isEqualTo(201);
        assertThat(caseworker()
            .post(duty(person) + "/exam-results",
                    Map.of("part", "KNM", "result", "PASSED", "takenOn", LocalDate.now().toString()))
            .status()).isEqualTo(409);
        assertThat(
                caseworker()
                    .post(exemptions(person),
                            Map.of("part", "KNM", "kind", "ONTHEFFING", "decidedOn", LocalDate.now().toString(),
                                    "ground", "dubbel"))
                    .status())
            .isEqualTo(409);

        JsonNode progress = caseworker().get(duty(person) + "/learning-route").body();
        assertThat(progress.get("exams")).hasSize(1);
        assertThat(progress.get("exams").get(0).get("part").asString()).isEqualTo("READING");
        assertThat(progress.get("exemptParts").toString()).contains("KNM");
    }

    @Test
    void anExemptionFromTheWholeDutyTakesThePlanDeadlineOffTheCalendar() {
        String person = person();
        LocalDate today = LocalDate.now();
        caseworker().put(duty(person), Map.of("regime", "WI2021", "duoNoticeDate", today.minusWeeks(8).toString(),
                "brpRegistrationDate", today.minusWeeks(9).toString()), null);
        assertThat(kinds(person)).contains("PLAN_DUE");

        Response noGround = caseworker().post(exemptions(person),
                Map.of("part", "WHOLE_DUTY", "kind", "ONTHEFFING", "decidedOn", today.toString()));
        assertThat(noGround.status()).isEqualTo(400);
        assertThat(kinds(person)).contains("PLAN_DUE");

        assertThat(caseworker()
            .post(exemptions(person), Map.of("part", "WHOLE_DUTY", "kind", "ONTHEFFING", "decidedOn", today.toString(),
                    "ground", "Medische ontheffing"))
            .status()).isEqualTo(201);
        assertThat(kinds(person)).doesNotContain("PLAN_DUE");
        assertThat(caseworker().get("/api/v1/persons/" + person + "/participation-declaration")
            .body()
            .get("status")
            .asString()).isEqualTo("EXEMPT");
    }

    @Test
    void ontzorgenRunsSixMonthsFromTheStartOfAssistanceWithAllFixedCostsPaidTogether() {
        String person = person();
        caseworker().put(duty(person),
                Map.of("regime", "WI2021", "duoNoticeDate", "2026-06-01", "brpRegistrationDate", "2026-05-20"), null);
        String path = "/api/v1/persons/" + person + "/ontzorgen";

        Response alaCarte = caseworker().put(path, Map.of("assistanceStart", "2026-08-31", "energy", false), null);
        assertThat(alaCarte.status()).isEqualTo(400);
        assertThat(alaCarte.body().get("errors").toString()).contains("energy").contains("samen");
        Response started = caseworker().put(path, Map.of("assistanceStart", "2026-08-31"), null);
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.body().get("endDate").asString()).isEqualTo("2027-02-28");
        assertThat(started.body().get("rent").asBoolean()).isTrue();
        assertThat(started.body().get("energy").asBoolean()).isTrue();
        assertThat(started.body().get("water").asBoolean()).isTrue();
        assertThat(started.body().get("healthInsurance").asBoolean()).isTrue();
        assertThat(caseworker().put(path, Map.of("assistanceStart", "2026-09-01"), null).status()).isEqualTo(428);
        assertThat(caseworker().put(path, Map.of("assistanceStart", "2026-09-01"), "\"7\"").status()).isEqualTo(412);
        Response changed = caseworker().put(path, Map.of("assistanceStart", "2026-09-01"), started.header("ETag"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("endDate").asString()).isEqualTo("2027-03-01");

        Response calendar = caseworker().get("/api/v1/deadlines?from=2027-02-01&to=2027-03-31");
        assertThat(calendar.body().get("items").toString()).contains(person).contains("ONTZORGEN_END");
    }

    @Test
    void theCompletionOfTheOnderwijsrouteIsRecordedOnThatRouteOnlyAndNotInTheFuture() {
        String onderwijs = personWithPlan(LocalDate.now().minusMonths(4), "ONDERWIJS");
        String b1 = personWithPlan(LocalDate.now().minusMonths(4), "B1");
        String done = LocalDate.now().minusDays(2).toString();

        Response future = caseworker().put(duty(onderwijs) + "/progress",
                Map.of("onderwijsCompletedOn", LocalDate.now().plusDays(1).toString()), etag(onderwijs));
        Response completed = caseworker().put(duty(onderwijs) + "/progress", Map.of("onderwijsCompletedOn", done),
                etag(onderwijs));
        Response elsewhere = caseworker().put(duty(b1) + "/progress", Map.of("onderwijsCompletedOn", done), etag(b1));

        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.body().get("onderwijsCompletedOn").asString()).isEqualTo(done);
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(future.status()).isEqualTo(400);
        assertThat(caseworker().get(duty(onderwijs) + "/learning-route").body().get("onderwijsCompletedOn").asString())
            .isEqualTo(done);
    }

    @Test
    void theCaseworkersOwnCalendarHoldsOnlyThePersonsAssignedToThem() {
        String mine = person();
        String colleagues = person();
        caseworker().post("/api/v1/persons/" + mine + "/guidance",
                Map.of("startDate", LocalDate.now().minusMonths(5).toString()));
        caseworker().post("/api/v1/persons/" + colleagues + "/guidance",
                Map.of("startDate", LocalDate.now().minusMonths(5).toString()));
        String me = caseworker().get("/api/v1/me").body().get("id").asString();
        String teamLead = Api.as(mvc, "teamleider").get("/api/v1/me").body().get("id").asString();

        assertThat(caseworker().put("/api/v1/persons/" + mine + "/trajectory-caseworker", Map.of("userId", me), null)
            .status()).isEqualTo(200);
        assertThat(caseworker()
            .put("/api/v1/persons/" + colleagues + "/trajectory-caseworker", Map.of("userId", teamLead), null)
            .status()).isEqualTo(200);
        assertThat(caseworker()
            .put("/api/v1/persons/" + mine + "/trajectory-caseworker", Map.of("userId", UUID.randomUUID().toString()),
                    null)
            .status()).isEqualTo(400);

        String own = caseworker().get("/api/v1/deadlines?caseworker=me").body().toString();
        assertThat(own).contains(mine).doesNotContain(colleagues);
        String team = caseworker().get("/api/v1/deadlines").body().toString();
        assertThat(team).contains(mine).contains(colleagues);
        String theirs = caseworker().get("/api/v1/deadlines?caseworker=" + teamLead).body().toString();
        assertThat(theirs).contains(colleagues).doesNotContain(mine);
        assertThat(caseworker().get("/api/v1/deadlines?caseworker=iemand").status()).isEqualTo(400);
    }

    private static Map<String, Object> stepDown(List<String> parts, String lessonHours,
            @Nullable String classroomHours) {
        Map<String, Object> body = new HashMap<>(Map.of("parts", parts, "on", LocalDate.now().toString(), "reason",
                "Leert langzaam", "lessonHours", new BigDecimal(lessonHours)));
        if (classroomHours != null) {
            body.put("classroomHours", new BigDecimal(classroomHours));
        }
        return body;
    }

    private @Nullable String etag(String person) {
        return caseworker().get(duty(person) + "/learning-route").header("ETag");
    }

    private void recordHours(String person, String hours) {
        UUID sliedrecht = municipalities.byCode("0610").orElseThrow().id();
        Tenancy.runAs(sliedrecht,
                () -> lessonHours.recordTotal(UUID.fromString(person), new BigDecimal(hours), LocalDate.now()));
    }

    private List<String> kinds(String person) {
        List<String> kinds = new ArrayList<>();
        caseworker().get("/api/v1/deadlines").body().get("items").forEach(i -> {
            if (i.get("personId").asString().equals(person)) {
                kinds.add(i.get("kind").asString());
            }
        });
        return kinds;
    }

    private String personWithPlan(LocalDate adoptedOn, String route) {
        String person = person();
        caseworker().put(duty(person), Map.of("regime", "WI2021", "duoNoticeDate", adoptedOn.minusWeeks(8).toString(),
                "brpRegistrationDate", adoptedOn.minusWeeks(9).toString()), null);
        Response plan = caseworker().post(duty(person) + "/plan",
                Map.of("adoptedOn", adoptedOn.toString(), "route", route), caseworker().etag(duty(person)));
        assertThat(plan.status()).isEqualTo(200);
        return person;
    }

    private String person() {
        Response created = caseworker().post("/api/v1/persons", Api.person("Leerroute", "Testpersoon"));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static String duty(String person) {
        return "/api/v1/persons/" + person + "/integration-duty";
    }

    private static String exemptions(String person) {
        return "/api/v1/persons/" + person + "/exemptions";
    }

}
