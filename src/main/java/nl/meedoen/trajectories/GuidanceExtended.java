package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A team lead approved the extension: the social guidance now ends on {@code endDate}.
 */
public record GuidanceExtended(UUID municipalityId, UUID personId, UUID requestId, LocalDate endDate) {
}
