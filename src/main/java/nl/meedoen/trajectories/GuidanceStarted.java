package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.UUID;

/** A person's social guidance started; it ends on {@code endDate} unless extended. */
public record GuidanceStarted(UUID municipalityId, UUID personId, LocalDate startDate, LocalDate endDate) {
}
