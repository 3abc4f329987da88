package nl.meedoen.network;

import java.time.LocalDate;
import java.util.UUID;

/** The match became active: the volunteer and the person meet. */
public record BuddyMatchStarted(UUID municipalityId, UUID matchId, UUID personId, UUID volunteerId,
        LocalDate startedOn) {
}
