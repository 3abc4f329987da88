package nl.meedoen.trajectories.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.identity.WorkCounts;
import nl.meedoen.trajectories.internal.Deadlines.Deadline;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Deadlines on the start page: the overdue ones and those due this week (up to and
 * including Sunday) of the caseworker's own persons, for a team lead also the team's, and
 * the extension requests waiting for the team lead.
 */
@Component
class TrajectoryWorkCounts implements WorkCounts {

    private final Deadlines deadlines;

    private final Guidances guidances;

    private final Clock clock;

    TrajectoryWorkCounts(Deadlines deadlines, Guidances guidances, Clock clock) {
        this.deadlines = deadlines;
        this.guidances = guidances;
        this.clock = clock;
    }

    @Override
    public List<WorkCount> counts(CurrentUser user, @Nullable Instant since) {
        if (!user.hasRole(Role.CASEWORKER) && !user.hasRole(Role.TEAM_LEAD)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        List<WorkCount> counts = new ArrayList<>();
        List<Deadline> mine = deadlines.forCaseworker(user.id(), today, sunday, today);
        counts.add(WorkCount.of(Section.MINE, 20, "work.count.overdue", overdue(mine),
                "/traject/termijnen?begeleider=ik"));
        counts.add(WorkCount.of(Section.MINE, 30, "work.count.dueThisWeek", mine.size() - overdue(mine),
                "/traject/termijnen?begeleider=ik"));
        if (user.hasRole(Role.TEAM_LEAD)) {
            List<Deadline> team = deadlines.forMyTeam(today, sunday, today);
            counts.add(WorkCount.of(Section.TEAM, 20, "work.count.teamOverdue", overdue(team), "/traject/termijnen"));
            counts.add(WorkCount.of(Section.TEAM, 30, "work.count.teamDueThisWeek", team.size() - overdue(team),
                    "/traject/termijnen"));
            counts.add(extensionRequests(guidances.pendingCount()));
        }
        return counts;
    }

    /**
     * The badge of the approval queue only: the deadlines are start-page counts, never
     * asked under every page.
     */
    @Override
    public List<WorkCount> badges(CurrentUser user, @Nullable Instant since) {
        if (!user.hasRole(Role.TEAM_LEAD)) {
            return List.of();
        }
        return List.of(extensionRequests(guidances.pendingCount()));
    }

    private static WorkCount extensionRequests(long count) {
        return WorkCount.of(Section.TEAM, 40, "work.count.extensionRequests", count, "/traject/verlengingen")
            .withBadgeOn("/traject/verlengingen");
    }

    private static long overdue(List<Deadline> deadlines) {
        return deadlines.stream().filter(Deadline::overdue).count();
    }

}
