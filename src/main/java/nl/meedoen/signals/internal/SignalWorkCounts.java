package nl.meedoen.signals.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.identity.WorkCounts;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The open signals on the start page: the caseworker's own (also the badge of
 * "Signalen"), and for a team lead the team's.
 */
@Component
class SignalWorkCounts implements WorkCounts {

    private final Worklist worklist;

    SignalWorkCounts(Worklist worklist) {
        this.worklist = worklist;
    }

    @Override
    public List<WorkCount> counts(CurrentUser user, @Nullable Instant since) {
        List<WorkCount> counts = new ArrayList<>();
        counts.addAll(badges(user, since));
        if (user.hasRole(Role.TEAM_LEAD)) {
            counts.add(WorkCount.of(Section.TEAM, 10, "work.count.teamOpenSignals",
                    worklist.page(user, new Worklist.Filter(Worklist.Scope.TEAM, null, null, null, false), 0, 0)
                        .totalItems(),
                    "/signalen?wie=team"));
        }
        return counts;
    }

    /**
     * The badge of "Signalen": the own open signals; the team's are counted on the start
     * page only.
     */
    @Override
    public List<WorkCount> badges(CurrentUser user, @Nullable Instant since) {
        if (!user.hasRole(Role.CASEWORKER) && !user.hasRole(Role.TEAM_LEAD)) {
            return List.of();
        }
        return List.of(WorkCount.of(Section.MINE, 10, "work.count.openSignals", worklist.openCount(user), "/signalen")
            .withBadgeOn("/signalen"));
    }

}
