package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.UUID;

/** The broad intake of a person was completed. */
public record BroadIntakeCompleted(UUID municipalityId, UUID personId, LocalDate completedOn) {
}
