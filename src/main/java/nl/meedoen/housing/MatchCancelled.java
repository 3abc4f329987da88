package nl.meedoen.housing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A match whose persons were not housed yet was cancelled on the given day. */
public record MatchCancelled(UUID municipalityId, UUID matchId, List<UUID> personIds, LocalDate cancelledOn,
        MatchCancellationReason reason) {

    public MatchCancelled {
        personIds = List.copyOf(personIds);
    }

}
