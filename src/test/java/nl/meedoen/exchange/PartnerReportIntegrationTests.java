package nl.meedoen.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.meedoen.exchange.PartnerFixtures.Referral;
import nl.meedoen.support.Api;
import nl.meedoen.support.Api.Response;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Partner reports by API: each kind lands in the module that owns it (attendance here,
 * hours in the 600-hour rule with the classroom share, levels in the plan's language
 * progress with source PARTNER, exam results in the trajectory), logged as a processing
 * by the partner; a referral not sent to the partner or not active is not found; bad
 * input is refused in Dutch and stores nothing.
 */
@MeedoenIntegrationTest
class PartnerReportIntegrationTests {

    private static final String LANGUAGE_SCHOOL = PartnerFixtures.LANGUAGE_SCHOOL;

    private static final String REPORTS = "/api/v1/partner-reports";

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Test
    void attendanceIsKeptWithTheReferralAndLoggedAsThePartnersProcessing() {
        Referral referral = activeReferral();
        LocalDate day = LocalDate.now().minusDays(2);

        Response present = partner().post(REPORTS, report(referral, "ATTENDANCE", "date", day, "present", true));
        Response absent = partner().post(REPORTS,
                report(referral, "ATTENDANCE", "date", day.plusDays(1), "present", false, "notified", false));

        assertThat(present.status()).isEqualTo(201);
        assertThat(present.body().get("referralId").asString()).isEqualTo(referral.id());
        assertThat(present.body().get("kind").asString()).isEqualTo("ATTENDANCE");
        assertThat(absent.status()).isEqualTo(201);
        assertThat(owner().sql("""
                select session_on || ':' || present || ':' || coalesce(notified::text, '-') from partner_attendance
                where referral_id = cast(:r as uuid) and person_id = cast(:p as uuid) order by session_on""")
            .param("r", referral.id())
            .param("p", referral.person())
            .query(String.class)
            .list()).containsExactly(day + ":true:-", day.plusDays(1) + ":false:false");
        assertThat(owner().sql("""
                select count(*) from audit_entry
                where person_id = cast(:p as uuid) and action = 'PARTNER_REPORT' and actor = 'partner'""")
            .param("p", referral.person())
            .query(Long.class)
            .single()).isEqualTo(2);
    }

    @Test
    void aPartnersApiTokenReports() throws Exception {
        Referral referral = activeReferral();
        Response issued = partner().post("/api/v1/tokens", Map.of("name", "Leerlingvolgsysteem " + UUID.randomUUID(),
                "expiresOn", LocalDate.now().plusDays(30).toString()));
        assertThat(issued.status()).isEqualTo(201);

        MockHttpServletResponse created = mvc
            .perform(post(REPORTS).header("Authorization", "Bearer " + issued.body().get("token").asString())
                .contentType(MediaType.APPLICATION_JSON)
                .content(Api.JSON.writeValueAsString(report(referral, "PROGRESS_TEST", "date",
                        LocalDate.now().toString(), "skill", "SPEAKING", "level", "A1"))))
            .andReturn()
            .getResponse();

        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(owner()
            .sql("select count(*) from language_level where person_id = cast(:p as uuid) "
                    + "and source = 'PARTNER' and skill = 'SPEAKING'")
            .param("p", referral.person())
            .query(Long.class)
            .single()).isEqualTo(1);
    }

    @Test
    void lessonHoursFeedTheSixHundredHourRuleWithTheClassroomShare() {
        Referral referral = activeReferral();
        LocalDate until = LocalDate.now().minusDays(1);

        assertThat(partner()
            .post(REPORTS,
                    report(referral, "LESSON_HOURS", "classroomHours", 400, "onlineHours", 120, "until",
                            until.minusDays(30)))
            .status()).isEqualTo(201);
        assertThat(partner()
            .post(REPORTS, report(referral, "LESSON_HOURS", "classroomHours", 60.5, "onlineHours", 30, "until", until))
            .status()).isEqualTo(201);

        Map<String, Object> total = owner().sql("""
                select total_hours, classroom_hours, as_of from nt2_lesson_hours where person_id = cast(:p as uuid)""")
            .param("p", referral.person())
            .query()
            .singleRow();
        assertThat((BigDecimal) total.get("total_hours")).isEqualByComparingTo("610.5");
        assertThat((BigDecimal) total.get("classroom_hours")).isEqualByComparingTo("460.5");
        assertThat(total.get("as_of").toString()).isEqualTo(until.toString());
        JsonNode entries = caseworker().get("/api/v1/persons/" + referral.person() + "/lesson-hours").body();
        assertThat(entries.toString()).contains("Taalschool De Brug");
    }

    @Test
    void aProgressTestLevelLandsInThePlansLanguageProgressWithSourcePartner() {
        Referral referral = activeReferral();
        LocalDate day = LocalDate.now().minusDays(3);

        Response created = partner().post(REPORTS,
                report(referral, "PROGRESS_TEST", "date", day, "skill", "READING", "level", "A2"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode levels = caseworker().get("/api/v1/persons/" + referral.person() + "/language-levels").body();
        assertThat(levels.toString()).contains("\"READING\"", "\"A2\"", "\"PARTNER\"", day.toString());
    }

    @Test
    void anExamResultLandsInTheTrajectory() {
        Referral referral = activeReferral();
        LocalDate day = LocalDate.now().minusDays(5);

        assertThat(
                partner()
                    .post(REPORTS,
                            report(referral, "EXAM_RESULT", "date", day, "part", "SPEAKING", "passed", true, "level",
                                    "B1"))
                    .status())
            .isEqualTo(201);
        assertThat(partner().post(REPORTS, report(referral, "EXAM_RESULT", "date", day, "part", "KNM", "passed", false))
            .status()).isEqualTo(201);

        assertThat(owner().sql("""
                select part || ':' || coalesce(level, '-') || ':' || result || ':' || taken_on from exam_result
                where person_id = cast(:p as uuid) order by part""")
            .param("p", referral.person())
            .query(String.class)
            .list()).containsExactly("KNM:-:FAILED:" + day, "SPEAKING:B1:PASSED:" + day);
        assertThat(owner()
            .sql("select count(*) from audit_entry where person_id = cast(:p as uuid) "
                    + "and action = 'TRAJECTORY_UPDATE'")
            .param("p", referral.person())
            .query(Long.class)
            .single()).isEqualTo(2);
    }

    @Test
    void aReferralOfAnotherOrganisationOrNotActiveIsNotFound() {
        String person = person();
        String library = owner().sql("""
                select o.id::text from partner_organisation o join municipality m on m.id = o.municipality_id
                where m.code = '0610' and o.name = 'Bibliotheek Sliedrecht'""").query(String.class).single();
        String toLibrary = sent(person, provisionOf(library));
        String onlySent = sent(person, provisionOf(LANGUAGE_SCHOOL));
        Referral withdrawn = activeReferral();
        assertThat(caseworker()
            .post("/api/v1/referrals/" + withdrawn.id() + "/transitions",
                    Map.of("to", "WITHDRAWN", "reason", "Verhuisd"))
            .status()).isEqualTo(200);
        LocalDate day = LocalDate.now().minusDays(1);

        for (String referral : List.of(toLibrary, onlySent, withdrawn.id(), UUID.randomUUID().toString())) {
            Response refused = partner().post(REPORTS,
                    report(new Referral(referral, person), "ATTENDANCE", "date", day, "present", true));
            assertThat(refused.status()).as(referral).isEqualTo(404);
        }
        assertThat(owner()
            .sql("select count(*) from partner_attendance where person_id in (cast(:p as uuid), " + "cast(:w as uuid))")
            .param("p", person)
            .param("w", withdrawn.person())
            .query(Long.class)
            .single()).isZero();
        assertThat(caseworker()
            .post(REPORTS, report(new Referral(onlySent, person), "ATTENDANCE", "date", day, "present", true))
            .status()).as("staff do not report as a partner").isEqualTo(403);
    }

    @Test
    void badInputIsRefusedInDutchNamingTheFieldAndStoresNothing() throws Exception {
        Referral referral = activeReferral();
        LocalDate tomorrow = LocalDate.now().plusDays(1);

        Response future = partner().post(REPORTS, report(referral, "ATTENDANCE", "date", tomorrow, "present", true));
        Response missing = partner().post(REPORTS, report(referral, "LESSON_HOURS", "classroomHours", 2));
        Response foreign = partner().post(REPORTS,
                report(referral, "ATTENDANCE", "date", LocalDate.now(), "present", true, "skill", "READING"));
        Response noticeWhilePresent = partner().post(REPORTS,
                report(referral, "ATTENDANCE", "date", LocalDate.now(), "present", true, "notified", true));
        Response tooFine = partner().post(REPORTS,
                report(referral, "LESSON_HOURS", "classroomHours", 1.25, "onlineHours", 0, "until", LocalDate.now()));
        Response knmLevel = partner().post(REPORTS,
                report(referral, "EXAM_RESULT", "date", LocalDate.now(), "part", "KNM", "passed", true, "level", "A2"));
        MockHttpServletResponse unknownKind = mvc.perform(post(REPORTS)
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                .httpBasic("partner", "demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .header("Accept-Language", "nl")
            .content("{\"referralId\":\"" + referral.id() + "\",\"kind\":\"GOSSIP\"}")).andReturn().getResponse();

        assertThat(future.status()).isEqualTo(400);
        assertThat(error(future, "date")).isEqualTo("Deze datum ligt in de toekomst.");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(error(missing, "onlineHours")).contains("verplicht");
        assertThat(error(missing, "until")).contains("verplicht");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(error(foreign, "skill")).contains("hoort niet bij");
        assertThat(noticeWhilePresent.status()).isEqualTo(400);
        assertThat(error(noticeWhilePresent, "notified")).contains("afwezigheid");
        assertThat(tooFine.status()).isEqualTo(400);
        assertThat(error(tooFine, "classroomHours")).contains("decimaal");
        assertThat(knmLevel.status()).isEqualTo(400);
        assertThat(unknownKind.getStatus()).isEqualTo(400);
        assertThat(unknownKind.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        for (String table : List.of("partner_attendance", "nt2_lesson_entry", "exam_result", "language_level")) {
            assertThat(owner().sql("select count(*) from " + table + " where person_id = cast(:p as uuid)")
                .param("p", referral.person())
                .query(Long.class)
                .single()).as(table).isZero();
        }
        assertThat(owner()
            .sql("select count(*) from audit_entry where person_id = cast(:p as uuid) "
                    + "and action = 'PARTNER_REPORT'")
            .param("p", referral.person())
            .query(Long.class)
            .single()).isZero();
    }

    private static String error(Response response, String field) {
        for (JsonNode error : response.body().get("errors")) {
            if (error.get("field").asString().equals(field)) {
                return error.get("message").asString();
            }
        }
        throw new AssertionError("no error on " + field + ": " + response.body());
    }

    private static Map<String, Object> report(Referral referral, String kind, Object... fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("referralId", referral.id());
        body.put("kind", kind);
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1] instanceof LocalDate d ? d.toString() : fields[i + 1]);
        }
        return body;
    }

    private Referral activeReferral() {
        return fixtures().activeReferral();
    }

    private String person() {
        return fixtures().person();
    }

    private String provisionOf(String partnerId) {
        return fixtures().provisionOf(partnerId);
    }

    private String sent(String person, String provision) {
        return fixtures().sent(person, provision);
    }

    private Api caseworker() {
        return fixtures().caseworker();
    }

    private Api partner() {
        return fixtures().partner();
    }

    private JdbcClient owner() {
        return fixtures().owner();
    }

    private PartnerFixtures fixtures() {
        return new PartnerFixtures(mvc, ownerDataSource);
    }

}
