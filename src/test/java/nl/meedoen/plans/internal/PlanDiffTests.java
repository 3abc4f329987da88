package nl.meedoen.plans.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.meedoen.plans.ActionOwner;
import nl.meedoen.plans.Area;
import nl.meedoen.plans.GoalStatus;
import nl.meedoen.plans.internal.PersonalPlan.Action;
import nl.meedoen.plans.internal.PersonalPlan.Goal;
import nl.meedoen.plans.internal.PersonalPlan.PipElements;
import nl.meedoen.plans.internal.PersonalPlan.Version;
import nl.meedoen.plans.internal.PlanDiff.Change;
import nl.meedoen.plans.internal.PlanDiff.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PlanDiffTests {

    private final UUID goalId = UUID.randomUUID();

    private final UUID actionId = UUID.randomUUID();

    @Test
    void theFirstVersionAddsEveryGoalAndAction() {
        Version first = version(1, List.of(goal("Lezen op A2", null, action("Taalles", ActionOwner.PARTNER))),
                PipElements.NONE);

        assertThat(PlanDiff.between(null, first)).extracting(Change::kind)
            .containsExactly(Kind.GOAL_ADDED, Kind.ACTION_ADDED);
    }

    @Test
    void aChangedGoalKeepsItsIdentityAndShowsBeforeAndAfter() {
        Version first = version(1, List.of(goal("Lezen op A2", null, action("Taalles", ActionOwner.PARTNER))),
                PipElements.NONE);
        Version second = version(2,
                List.of(goal("Lezen op B1", LocalDate.of(2027, 6, 30), action("Taalles", ActionOwner.VOLUNTEER))),
                PipElements.NONE);

        List<Change> changes = PlanDiff.between(first, second);

        assertThat(changes).extracting(Change::kind).containsExactly(Kind.GOAL_CHANGED, Kind.ACTION_CHANGED);
        assertThat(changes.get(0).before()).contains("Lezen op A2");
        assertThat(changes.get(0).after()).contains("Lezen op B1", "2027-06-30");
        assertThat(changes.get(1).after()).contains("VOLUNTEER");
    }

    @Test
    void removedGoalsAndChangedPipPartsAreListed() {
        Version first = version(1, List.of(goal("Lezen op A2", null)), PipElements.NONE);
        Version second = version(2, List.of(),
                new PipElements(null, null, null, null, null, null, "Elke drie maanden een gesprek"));

        assertThat(PlanDiff.between(first, second)).extracting(Change::kind, Change::subject)
            .containsExactly(tuple(Kind.GOAL_REMOVED, "Lezen op A2"), tuple(Kind.PIP_CHANGED, "monitoring"));
    }

    @Test
    void anUnchangedVersionHasNoChanges() {
        Version first = version(1, List.of(goal("Lezen op A2", null, action("Taalles", ActionOwner.PARTNER))),
                PipElements.NONE);
        Version copy = version(2, first.goals(), PipElements.NONE);

        assertThat(PlanDiff.between(first, copy)).isEmpty();
    }

    private Goal goal(String description, LocalDate target, Action... actions) {
        return new Goal(goalId, Area.LANGUAGE, description, target, GoalStatus.OPEN, null, List.of(actions), 0);
    }

    private Action action(String what, ActionOwner who) {
        return new Action(actionId, what, who, null, null, 0);
    }

    private static Version version(int number, List<Goal> goals, PipElements pip) {
        return new Version(UUID.randomUUID(), number, true, LocalDate.of(2026, 1, number), "Begeleider", pip, 0, goals);
    }

}
