package nl.meedoen.plans;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A progress review of the person's plan was held on the given day; the next is due on
 * the other.
 */
public record PlanReviewRecorded(UUID municipalityId, UUID personId, UUID reviewId, LocalDate heldOn,
        LocalDate nextReviewDue) {
}
