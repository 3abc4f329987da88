package nl.meedoen.network;

import java.time.LocalDate;
import java.util.UUID;

/** The volunteer and the person were introduced to each other. */
public record BuddyMatchIntroduced(UUID municipalityId, UUID matchId, UUID personId, UUID volunteerId,
        LocalDate introducedOn) {
}
