package nl.meedoen.plans.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.plans.GoalStatus;

/**
 * A progress review: when it was held, its notes, when the next one is due, who recorded
 * it and each goal's status from then on.
 */
public record Review(UUID id, LocalDate heldOn, String notes, LocalDate nextReviewDue, String recordedBy,
        Map<UUID, GoalStatus> goalStatuses) {

    public Review {
        goalStatuses = Map.copyOf(goalStatuses);
    }

}
