package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The personal plan (PIP) was adopted: the integration period runs from the day after.
 */
public record PlanAdopted(UUID municipalityId, UUID personId, LocalDate adoptedOn, LearningRoute route,
        LocalDate integrationPeriodStart, LocalDate integrationPeriodEnd, LocalDate routeSwitchDeadline) {
}
