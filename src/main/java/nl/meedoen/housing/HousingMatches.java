package nl.meedoen.housing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * COA matches as other modules may record them (a delivered match list): with the same
 * rules, deadlines, log entries and events as a match entered on the page.
 */
public interface HousingMatches {

    /** The persons among {@code personIds} that have a match that is not cancelled. */
    Set<UUID> matched(Collection<UUID> personIds);

    /**
     * Records a match of the persons on {@code matchDate} (not in the future) with the
     * deadlines of the municipality's settings; answers its id.
     */
    UUID match(List<UUID> personIds, LocalDate matchDate, boolean familyReunification);

}
