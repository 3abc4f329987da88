package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.UUID;

/**
 * DUO's exemption from a part of the duty was recorded; that part has no deadline any
 * more.
 */
public record ExemptionRecorded(UUID municipalityId, UUID personId, ExemptPart part, ExemptionKind kind,
        LocalDate decidedOn) {
}
