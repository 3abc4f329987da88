package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A person's social guidance was closed. With {@link Handover#LOCAL_POLICY} the local
 * integration policy takes the person over.
 */
public record GuidanceClosed(UUID municipalityId, UUID personId, LocalDate closedOn, Handover handover) {
}
