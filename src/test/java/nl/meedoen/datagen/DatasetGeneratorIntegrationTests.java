package nl.meedoen.datagen;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.Pages;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The generator on a database of its own (it adds 342 municipalities, which the other
 * tests must not see), with 2,000 persons: the modules' facts it writes refer to what
 * they must, hold every state the signals and the monitoring read, and open in the
 * application for the caseworker who holds the file.
 */
@MeedoenIntegrationTest
@TestPropertySource(
        properties = { "meedoen.test.context=datagen", "meedoen.datagen.persons=2000", "meedoen.datagen.exit=false" })
class DatasetGeneratorIntegrationTests {

    /** The tables of facts about a person, with the column that names the person. */
    static final Map<String, String> PERSON_TABLES = Map.ofEntries(Map.entry("housing_match_person", "person_id"),
            Map.entry("housing_placement_person", "person_id"), Map.entry("guidance", "person_id"),
            Map.entry("integration_duty", "person_id"), Map.entry("broad_intake", "person_id"),
            Map.entry("intake_appointment", "person_id"), Map.entry("integration_exemption", "person_id"),
            Map.entry("route_change", "person_id"), Map.entry("exam_result", "person_id"),
            Map.entry("participation_declaration", "person_id"), Map.entry("participation_session", "person_id"),
            Map.entry("nt2_lesson_hours", "person_id"), Map.entry("ontzorgen", "person_id"),
            Map.entry("trajectory_caseworker", "person_id"), Map.entry("plan", "person_id"),
            Map.entry("language_level", "person_id"), Map.entry("nt2_lesson_entry", "person_id"),
            Map.entry("income_period", "person_id"), Map.entry("work_situation", "person_id"),
            Map.entry("wegwijs_known", "person_id"), Map.entry("referral", "person_id"),
            Map.entry("match_request", "person_id"), Map.entry("buddy_match", "person_id"),
            Map.entry("person_contact", "person_id"), Map.entry("child_education", "child_id"));

    /**
     * References the generator writes with the reference triggers off: table, column,
     * target table.
     */
    static final List<String[]> REFERENCES = List.of(
            new String[] { "guidance_extension_request", "guidance_id", "guidance" },
            new String[] { "housing_match_person", "match_id", "housing_match" },
            new String[] { "housing_placement_person", "placement_id", "housing_placement" },
            new String[] { "plan_version", "plan_id", "plan" },
            new String[] { "plan_goal", "version_id", "plan_version" },
            new String[] { "plan_goal_progress", "plan_id", "plan" },
            new String[] { "plan_action_progress", "plan_id", "plan" },
            new String[] { "plan_review", "plan_id", "plan" },
            new String[] { "plan_review_goal", "review_id", "plan_review" },
            new String[] { "referral_transition", "referral_id", "referral" },
            new String[] { "referral", "provision_id", "provision" },
            new String[] { "referral", "partner_id", "partner_organisation" },
            new String[] { "buddy_match", "match_request_id", "match_request" },
            new String[] { "buddy_match", "volunteer_id", "volunteer" },
            new String[] { "buddy_match_log", "match_id", "buddy_match" },
            new String[] { "trajectory_caseworker", "user_id", "app_user" });

    @Autowired
    @Qualifier("owner")
    DataSource owner;

    @Autowired
    MockMvc mvc;

    JdbcTemplate sql() {
        return new JdbcTemplate(owner);
    }

    @Test
    void everyFactNamesAPersonOfItsOwnMunicipality() {
        for (Map.Entry<String, String> table : PERSON_TABLES.entrySet()) {
            Long rows = sql().queryForObject("select count(*) from " + table.getKey(), Long.class);
            Long strays = sql().queryForObject("select count(*) from " + table.getKey() + " x where not exists "
                    + "(select 1 from person p where p.id = x." + table.getValue()
                    + " and p.municipality_id = x.municipality_id)", Long.class);
            assertThat(rows).as(table.getKey()).isPositive();
            assertThat(strays).as(table.getKey()).isZero();
        }
    }

    @Test
    void everyReferenceBetweenFactsHoldsWithinTheMunicipality() {
        for (String[] reference : REFERENCES) {
            Long strays = sql().queryForObject(
                    "select count(*) from " + reference[0] + " x where not exists " + "(select 1 from " + reference[2]
                            + " y where y.id = x." + reference[1] + " and y.municipality_id = x.municipality_id)",
                    Long.class);
            assertThat(strays).as(reference[0] + "." + reference[1]).isZero();
        }
        assertThat(sql().queryForObject("""
                select count(*) from plan_action a where not exists
                    (select 1 from plan_goal g where g.version_id = a.version_id and g.goal_id = a.goal_id)""",
                Long.class))
            .isZero();
    }

    @Test
    void referralsAreInEveryStateWithTheirStepsFromDraftOn() {
        assertThat(sql().queryForList("select distinct status from referral", String.class)).containsExactlyInAnyOrder(
                "DRAFT", "SENT", "ACCEPTED", "DECLINED", "STARTED", "COMPLETED", "DROPPED_OUT", "WITHDRAWN");
        assertThat(sql().queryForObject("""
                select count(*) from referral r where r.status <> 'DRAFT' and not exists
                    (select 1 from referral_transition t where t.referral_id = r.id and t.to_status = r.status)""",
                Long.class))
            .isZero();
        assertThat(sql().queryForObject("""
                select count(*) from referral r where not exists
                    (select 1 from referral_transition t where t.referral_id = r.id and t.to_status = 'DRAFT'
                     and t.from_status is null)""", Long.class)).isZero();
    }

    @Test
    void pipDeadlinesFollowTheDefaultSettings() {
        // 10 weeks after the later of DUO's notice and the registration (or 2 weeks after
        // third-party
        // information), a 3-year period from the day after the PIP and a route switch
        // within 18 months
        assertThat(sql().queryForObject("""
                select count(*) from integration_duty where regime = 'WI2021' and plan_due_date
                    <> greatest(greatest(duo_notice_date, brp_registration_date) + 70,
                                coalesce(third_party_info_received_date + 14, date '1900-01-01'))""", Long.class))
            .isZero();
        assertThat(sql().queryForObject(
                """
                        select count(*) from integration_duty where plan_adopted_on is not null and (
                            integration_period_start <> plan_adopted_on + 1
                            or integration_period_end <> (plan_adopted_on + 1 + interval '3 years' - interval '1 day')::date
                            or route_switch_deadline <> (plan_adopted_on + 1 + interval '18 months' - interval '1 day')::date)""",
                Long.class))
            .isZero();
        assertThat(
                sql().queryForList("select distinct route from integration_duty where route is not null", String.class))
            .containsExactlyInAnyOrder("B1", "ONDERWIJS", "Z");
        assertThat(count("integration_duty where plan_adopted_on is null and plan_due_date < current_date"))
            .isPositive();
    }

    @Test
    void eachSignalRuleHasFactsToReadInTheDataset() {
        assertThat(count("guidance where status = 'ACTIVE'")).as("active guidance").isPositive();
        assertThat(count("guidance where status = 'CLOSED' and handover = 'LOCAL_POLICY'")).isPositive();
        assertThat(count("intake_appointment where outcome = 'NO_SHOW'")).as("no-shows").isPositive();
        assertThat(count("plan_review")).as("reviews").isPositive();
        assertThat(count("language_level where source = 'EXAM'")).as("levels from exams").isPositive();
        assertThat(count("income_period where source = 'SOCIAL_ASSISTANCE' and ends_on is null "
                + "and starts_on < current_date - 730"))
            .as("long-term assistance")
            .isPositive();
        assertThat(count("child_education where vve_participation")).isPositive();
        assertThat(count("buddy_match where status = 'ACTIVE'")).as("active matches").isPositive();
        assertThat(count("buddy_match_log where kind = 'CHECK_IN'")).as("check-ins").isPositive();
        assertThat(count("ontzorgen")).isPositive();
        assertThat(count("housing_match m where not exists (select 1 from housing_placement_person pp "
                + "join housing_match_person mp on mp.person_id = pp.person_id where mp.match_id = m.id)"))
            .as("matched, not housed yet")
            .isPositive();
        assertThat(count("volunteer where person_id is not null")).as("persons who volunteer").isPositive();
        assertThat(count("person_contact where kind = 'CLUB'")).isPositive();
    }

    @Test
    void aGeneratedFileOpensForTheCaseworkerWhoHoldsIt() throws Exception {
        // Need-to-know: only the file's own team opens it, so its caseworker is of that
        // team (Sliedrecht has two).
        assertThat(count("""
                trajectory_caseworker c join person p on p.id = c.person_id join app_user u on u.id = c.user_id
                where u.team_id is distinct from p.team_id""")).as("files held by a caseworker of another team")
            .isZero();
        Map<String, Object> file = sql().queryForMap("""
                select p.id, p.given_names, u.username from person p
                join municipality m on m.id = p.municipality_id and m.code = '0610'
                join trajectory_caseworker c on c.person_id = p.id
                join app_user u on u.id = c.user_id and u.role = 'CASEWORKER'
                where exists (select 1 from plan l join plan_version v on v.plan_id = l.id
                              where l.person_id = p.id and v.status = 'ADOPTED')
                  and exists (select 1 from integration_duty d where d.person_id = p.id and d.route is not null)
                  and exists (select 1 from referral r where r.person_id = p.id)
                order by p.id limit 1""");
        UUID id = (UUID) file.get("id");
        Pages pages = Pages.as(mvc, (String) file.get("username"));
        for (String tab : List.of("", "/traject", "/traject/leerroute", "/plan", "/netwerk", "/verwijzingen")) {
            MockHttpServletResponse page = pages.perform(get("/personen/" + id + tab));
            assertThat(page.getStatus()).as(tab).isEqualTo(200);
            assertThat(page.getContentAsString()).as(tab).contains((String) file.get("given_names"));
        }
        assertThat(pages.perform(get("/personen/" + id + "/plan/brief.pdf")).getStatus()).isEqualTo(200);
    }

    private long count(String from) {
        Long count = sql().queryForObject("select count(*) from " + from, Long.class);
        return count == null ? 0 : count;
    }

}
