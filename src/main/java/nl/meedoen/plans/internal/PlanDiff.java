package nl.meedoen.plans.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.meedoen.plans.internal.PersonalPlan.Action;
import nl.meedoen.plans.internal.PersonalPlan.Goal;
import nl.meedoen.plans.internal.PersonalPlan.Version;
import org.jspecify.annotations.Nullable;

/**
 * What changed from one version of a plan to the next: goals and actions added, removed
 * or changed, and PIP elements changed. Goals and actions keep their id across versions,
 * so a change is recognised as one.
 */
public final class PlanDiff {

    /** The kind of change. */
    public enum Kind {

        GOAL_ADDED, GOAL_REMOVED, GOAL_CHANGED, ACTION_ADDED, ACTION_REMOVED, ACTION_CHANGED, PIP_CHANGED

    }

    /**
     * One change: its kind, what it is about (a goal's or action's text, or a PIP
     * element's name), before and after.
     */
    public record Change(Kind kind, String subject, @Nullable String before, @Nullable String after) {
    }

    /**
     * How a goal and an action are written in a change: codes for the API, words for a
     * page.
     */
    public interface Describer {

        String goal(Goal goal);

        String action(Action action);

    }

    /** Codes and ISO dates, for machines. */
    public static final Describer CODES = new Describer() {

        @Override
        public String goal(Goal goal) {
            return goal.area() + " · " + goal.description()
                    + (goal.targetDate() == null ? "" : " · " + goal.targetDate());
        }

        @Override
        public String action(Action action) {
            return action.what() + " · " + action.who() + (action.dueOn() == null ? "" : " · " + action.dueOn());
        }
    };

    /**
     * The changes that made {@code to} out of {@code from} (everything in {@code to} when
     * {@code from} is null).
     */
    public static List<Change> between(@Nullable Version from, Version to) {
        return between(from, to, CODES);
    }

    /** The changes, with goals and actions written by {@code describer}. */
    public static List<Change> between(@Nullable Version from, Version to, Describer describer) {
        List<Change> changes = new ArrayList<>();
        Map<UUID, Goal> before = from == null ? Map.of() : byId(from.goals(), Goal::id);
        Map<UUID, Goal> after = byId(to.goals(), Goal::id);
        for (Goal goal : to.goals()) {
            Goal old = before.get(goal.id());
            if (old == null) {
                changes.add(new Change(Kind.GOAL_ADDED, goal.description(), null, describer.goal(goal)));
                goal.actions()
                    .forEach(a -> changes.add(new Change(Kind.ACTION_ADDED, a.what(), null, describer.action(a))));
                continue;
            }
            if (!describer.goal(old).equals(describer.goal(goal))) {
                changes
                    .add(new Change(Kind.GOAL_CHANGED, goal.description(), describer.goal(old), describer.goal(goal)));
            }
            Map<UUID, Action> oldActions = byId(old.actions(), Action::id);
            Map<UUID, Action> newActions = byId(goal.actions(), Action::id);
            for (Action action : goal.actions()) {
                Action was = oldActions.get(action.id());
                if (was == null) {
                    changes.add(new Change(Kind.ACTION_ADDED, action.what(), null, describer.action(action)));
                }
                else if (!describer.action(was).equals(describer.action(action))) {
                    changes.add(new Change(Kind.ACTION_CHANGED, action.what(), describer.action(was),
                            describer.action(action)));
                }
            }
            old.actions()
                .stream()
                .filter(a -> !newActions.containsKey(a.id()))
                .forEach(a -> changes.add(new Change(Kind.ACTION_REMOVED, a.what(), describer.action(a), null)));
        }
        if (from != null) {
            from.goals()
                .stream()
                .filter(g -> !after.containsKey(g.id()))
                .forEach(g -> changes.add(new Change(Kind.GOAL_REMOVED, g.description(), describer.goal(g), null)));
            Map<String, @Nullable String> oldPip = from.pip().byName();
            to.pip().byName().forEach((name, value) -> {
                if (!Objects.equals(oldPip.get(name), value)) {
                    changes.add(new Change(Kind.PIP_CHANGED, name, oldPip.get(name), value));
                }
            });
        }
        return changes;
    }

    private static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
    }

    private PlanDiff() {
    }

}
