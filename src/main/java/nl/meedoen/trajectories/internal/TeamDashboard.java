package nl.meedoen.trajectories.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.identity.Colleagues;
import nl.meedoen.identity.Colleagues.Colleague;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.ResidentSets;
import nl.meedoen.trajectories.internal.Deadlines.Deadline;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team lead's view of the team: per caseworker the open files they hold and their
 * overdue deadlines, the open files of the team no caseworker holds, and the extension
 * requests waiting. Counts only, no person shown. The caseload is one set-based count
 * over the team's open files.
 */
@Component
public class TeamDashboard {

    /** One caseworker's line. */
    public record Line(UUID caseworkerId, String caseworker, long caseload, long overdue) {
    }

    /** The whole view. */
    public record View(List<Line> lines, long unassigned, long overdueUnassigned, long extensionRequests) {
    }

    private final JdbcClient jdbc;

    private final ResidentSets residents;

    private final Colleagues colleagues;

    private final Deadlines deadlines;

    private final Guidances guidances;

    private final Clock clock;

    TeamDashboard(JdbcClient jdbc, ResidentSets residents, Colleagues colleagues, Deadlines deadlines,
            Guidances guidances, Clock clock) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.colleagues = colleagues;
        this.deadlines = deadlines;
        this.guidances = guidances;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public View of(UUID teamId) {
        UUID m = Tenancy.require();
        Map<UUID, Long> caseload = new HashMap<>();
        long[] unassigned = { 0 };
        jdbc.sql("with current_residents as (" + residents.current() + """
                )
                select c.user_id, count(*) as n
                from current_residents r
                    left join trajectory_caseworker c on c.municipality_id = :municipality and c.person_id = r.person_id
                where r.team_id = :team
                group by c.user_id""")
            .param("municipality", m)
            .param("person", null)
            .param("team", teamId)
            .query((rs, n) -> {
                UUID user = rs.getObject("user_id", UUID.class);
                if (user == null) {
                    unassigned[0] = rs.getLong("n");
                }
                else {
                    caseload.put(user, rs.getLong("n"));
                }
                return user;
            })
            .list();
        LocalDate today = LocalDate.now(clock);
        List<Deadline> overdue = deadlines.forMyTeam(today, today, today).stream().filter(Deadline::overdue).toList();
        Map<UUID, UUID> holders = holders(overdue.stream().map(Deadline::personId).distinct().toList());
        Map<UUID, Long> overduePer = new HashMap<>();
        long overdueUnassigned = 0;
        for (Deadline deadline : overdue) {
            UUID holder = holders.get(deadline.personId());
            if (holder == null) {
                overdueUnassigned++;
            }
            else {
                overduePer.merge(holder, 1L, Long::sum);
            }
        }
        List<Line> lines = new ArrayList<>();
        for (Colleague colleague : colleagues.ofTeam(teamId)) {
            lines.add(new Line(colleague.id(), colleague.displayName(), caseload.getOrDefault(colleague.id(), 0L),
                    overduePer.getOrDefault(colleague.id(), 0L)));
        }
        return new View(lines, unassigned[0], overdueUnassigned, guidances.pending().size());
    }

    /** The caseworker holding each of the persons' trajectories (where one does). */
    Map<UUID, UUID> holders(List<UUID> personIds) {
        Map<UUID, UUID> holders = new HashMap<>();
        if (personIds.isEmpty()) {
            return holders;
        }
        jdbc.sql("""
                select person_id, user_id from trajectory_caseworker
                where municipality_id = :m and person_id = any(:persons)""")
            .param("m", Tenancy.require())
            .param("persons", personIds.toArray(UUID[]::new))
            .query((rs, n) -> holders.put(rs.getObject("person_id", UUID.class), rs.getObject("user_id", UUID.class)))
            .list();
        return holders;
    }

}
