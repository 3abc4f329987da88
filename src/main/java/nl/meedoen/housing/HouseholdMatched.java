package nl.meedoen.housing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * COA matched the persons of a household to the municipality; they are to be housed by
 * the deadline.
 */
public record HouseholdMatched(UUID municipalityId, UUID matchId, List<UUID> personIds, LocalDate matchDate,
        LocalDate housingDeadline) {

    public HouseholdMatched {
        personIds = List.copyOf(personIds);
    }

}
