package nl.meedoen.network;

import java.time.LocalDate;
import java.util.UUID;

/** The match ended, with the reason. */
public record BuddyMatchEnded(UUID municipalityId, UUID matchId, UUID personId, UUID volunteerId, LocalDate endedOn,
        String reason) {
}
