package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The learning route was switched within the route-switch window; the PIP was revised on
 * {@code switchedOn}.
 */
public record RouteSwitched(UUID municipalityId, UUID personId, LearningRoute from, LearningRoute to,
        LocalDate switchedOn) {
}
