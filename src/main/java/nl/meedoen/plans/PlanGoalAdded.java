package nl.meedoen.plans;

import java.util.UUID;

/** A goal was added to the draft of the person's plan. */
public record PlanGoalAdded(UUID municipalityId, UUID personId, UUID goalId) {
}
