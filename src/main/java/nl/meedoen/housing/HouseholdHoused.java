package nl.meedoen.housing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Persons were housed at a key handover on the given day; {@code matchPersonIds} are all
 * persons of the matches they were housed from (those housed and those still waiting).
 */
public record HouseholdHoused(UUID municipalityId, UUID placementId, List<UUID> personIds, LocalDate keyHandoverDate,
        List<UUID> matchPersonIds) {

    public HouseholdHoused {
        personIds = List.copyOf(personIds);
        matchPersonIds = List.copyOf(matchPersonIds);
    }

}
