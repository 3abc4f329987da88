package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The PIP was revised: version {@code number} of the decision, on {@code revisedOn}, for
 * {@code reason}; the integration period did not move.
 */
public record PlanRevised(UUID municipalityId, UUID personId, int number, LocalDate revisedOn, RevisionReason reason,
        LearningRoute route) {
}
