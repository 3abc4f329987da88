package nl.meedoen.portal.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the portal shows of the resident's own file, read in one place: the next
 * appointments and deadlines and the caseworker. Only facts a resident may see: no notes,
 * no health notes, no signals, nothing of another person. Every query names the person,
 * whose id comes from {@link ResidentFiles#current()}.
 */
@Component
public class PortalReads {

    /** What is coming, and when. */
    public enum UpcomingKind {

        INTAKE_APPOINTMENT, PLAN_DUE, PLAN_REVIEW, GUIDANCE_END, ROUTE_SWITCH_DEADLINE, ONTZORGEN_END,
        INTEGRATION_PERIOD_END

    }

    public record Upcoming(UpcomingKind kind, LocalDate date, @Nullable LocalTime time, @Nullable String place) {
    }

    /**
     * One entry of the processing log about the resident, as the resident may see it: the
     * staff member's role and team, never their name.
     */
    public record Access(java.time.Instant at, @Nullable String role, @Nullable String team, String action,
            String purpose) {
    }

    /** How many entries "who looked at my file" lists, newest first. */
    public static final int ACCESSES = 200;

    /** The caseworker as the resident sees them: role, team, and how to reach them. */
    public record Caseworker(String role, @Nullable String team, @Nullable String name) {
    }

    private final JdbcClient jdbc;

    private final Clock clock;

    PortalReads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The resident's given name. */
    public String givenName(UUID person) {
        return jdbc.sql("select given_names from person where id = :p").param("p", person).query(String.class).single();
    }

    /** What is coming from today on, soonest first. */
    public List<Upcoming> upcoming(UUID person) {
        LocalDate today = LocalDate.now(clock);
        List<Upcoming> items = new ArrayList<>();
        jdbc.sql("""
                select scheduled_on, scheduled_time, location from intake_appointment
                where person_id = :p and outcome = 'SCHEDULED' and scheduled_on >= :today""")
            .param("p", person)
            .param("today", today)
            .query((rs, i) -> new Upcoming(UpcomingKind.INTAKE_APPOINTMENT, rs.getObject(1, LocalDate.class),
                    rs.getObject(2, LocalTime.class), rs.getString(3)))
            .list()
            .forEach(items::add);
        jdbc.sql("""
                select case when plan_adopted_on is null then plan_due_date end, route_switch_deadline,
                       integration_period_end
                from integration_duty where person_id = :p""").param("p", person).query((rs, i) -> {
            add(items, UpcomingKind.PLAN_DUE, rs.getObject(1, LocalDate.class), today);
            add(items, UpcomingKind.ROUTE_SWITCH_DEADLINE, rs.getObject(2, LocalDate.class), today);
            add(items, UpcomingKind.INTEGRATION_PERIOD_END, rs.getObject(3, LocalDate.class), today);
            return 0;
        }).list();
        dates("select end_date from guidance where person_id = :p and status = 'ACTIVE'", person)
            .forEach(d -> add(items, UpcomingKind.GUIDANCE_END, d, today));
        dates("select end_date from ontzorgen where person_id = :p", person)
            .forEach(d -> add(items, UpcomingKind.ONTZORGEN_END, d, today));
        dates("""
                select max(r.next_review_due) from plan_review r join plan pl on pl.id = r.plan_id
                where pl.person_id = :p""", person).forEach(d -> add(items, UpcomingKind.PLAN_REVIEW, d, today));
        items.sort(Comparator.comparing(Upcoming::date).thenComparing(Upcoming::kind));
        return items;
    }

    private List<LocalDate> dates(String sql, UUID person) {
        return jdbc.sql(sql)
            .param("p", person)
            .query((rs, i) -> rs.getObject(1, LocalDate.class))
            .list()
            .stream()
            .filter(d -> d != null)
            .toList();
    }

    private static void add(List<Upcoming> items, UpcomingKind kind, @Nullable LocalDate date, LocalDate today) {
        if (date != null && !date.isBefore(today)) {
            items.add(new Upcoming(kind, date, null, null));
        }
    }

    /**
     * The caseworker of the trajectory, else the team of the file: never another
     * employee.
     */
    public Optional<Caseworker> caseworker(UUID person) {
        Optional<Caseworker> assigned = jdbc.sql("""
                select u.role, t.name, u.display_name from trajectory_caseworker c
                join app_user u on u.id = c.user_id left join team t on t.id = u.team_id
                where c.person_id = :p""")
            .param("p", person)
            .query((rs, i) -> new Caseworker(rs.getString(1), rs.getString(2), rs.getString(3)))
            .optional();
        if (assigned.isPresent()) {
            return assigned;
        }
        return jdbc.sql("select t.name from person p join team t on t.id = p.team_id where p.id = :p")
            .param("p", person)
            .query(String.class)
            .optional()
            .map(team -> new Caseworker("CASEWORKER", team, null));
    }

    /**
     * Who looked at or changed the file, newest first, from the processing log: the role
     * and team of the account that did it (team empty for the system's jobs and accounts
     * without a team), the action and the logged purpose. The resident's own portal reads
     * are left out.
     */
    public List<Access> accesses(UUID person) {
        return jdbc.sql("""
                select e.at, e.actor_role, t.name, e.action, e.purpose from audit_entry e
                left join app_user u on u.username = e.actor left join team t on t.id = u.team_id
                where e.municipality_id = :m and e.person_id = :p and e.action not in ('PORTAL_READ', 'PORTAL_LOGIN')
                order by e.seq desc limit :l""")
            .param("m", nl.meedoen.platform.Tenancy.require())
            .param("p", person)
            .param("l", ACCESSES)
            .query((rs, i) -> new Access(rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), rs.getString(2),
                    rs.getString(3), rs.getString(4), rs.getString(5)))
            .list();
    }

}
