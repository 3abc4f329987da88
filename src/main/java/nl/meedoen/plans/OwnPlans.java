package nl.meedoen.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The plan as the person themself sees it and works on it (Mijn Meedoen): what was
 * agreed, that is the last adopted version with its progress, never a draft, the review
 * notes or a goal's reason for dropping it. The person marks their own actions done and
 * adds a wish or a question to a goal, which the caseworker sees on the plan tab. Every
 * change is logged as a change of the person's plan; reads are logged by the handler that
 * shows them.
 */
public interface OwnPlans {

    /** The adopted plan: its version number and its goals in the order of the areas. */
    record OwnPlan(int version, List<OwnGoal> goals) {
    }

    /** A goal with its status, its actions and the person's own questions about it. */
    record OwnGoal(UUID id, Area area, String description, GoalStatus status, @Nullable LocalDate targetDate,
            List<OwnAction> actions, List<Question> questions) {
    }

    /**
     * An action; {@code progressVersion} is the version of its progress that marking it
     * done names.
     */
    record OwnAction(UUID id, String what, ActionOwner who, @Nullable LocalDate dueOn, @Nullable LocalDate doneOn,
            int progressVersion) {

        /** The person's own action: the only kind the person marks done. */
        public boolean mine() {
            return who == ActionOwner.PERSON;
        }

        public boolean done() {
            return doneOn != null;
        }
    }

    /**
     * A wish or a question the person added to a goal, and when the caseworker saw it.
     */
    record Question(UUID id, UUID goalId, String text, Instant askedAt, @Nullable Instant seenAt) {
    }

    /**
     * The person's adopted plan (the last adopted version), or empty while nothing is
     * adopted.
     */
    Optional<OwnPlan> adopted(UUID personId);

    /**
     * Marks one of the person's own actions of the adopted plan done today or not done.
     * {@code progressVersion}, when given, must name the action's progress as it stands
     * (412 otherwise). Not found for an action outside the adopted plan; refused (403)
     * for an action of the plan that someone else carries out. Answers the new progress
     * version.
     */
    int markOwnActionDone(UUID personId, UUID actionId, boolean done, @Nullable Integer progressVersion);

    /**
     * Adds the person's wish or question to a goal of the adopted plan (at most
     * {@link #MAX_QUESTION} characters).
     */
    Question ask(UUID personId, UUID goalId, String text);

    /** Longest wish or question. */
    int MAX_QUESTION = 1000;

    /**
     * The language levels as the chart with its table, in the reader's words.
     */
    LanguageChart languageChart(UUID personId, LanguageChart.Labels labels);

    /** The plan letter (PDF), the same the caseworker prints. */
    byte[] letter(UUID personId);

}
