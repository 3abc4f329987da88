package nl.meedoen.network;

import java.util.UUID;

/** A coordinator proposed a volunteer for a person's match request. */
public record BuddyMatchProposed(UUID municipalityId, UUID matchId, UUID personId, UUID volunteerId, VolunteerRole role,
        int score) {
}
