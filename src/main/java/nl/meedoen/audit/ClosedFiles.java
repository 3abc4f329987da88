package nl.meedoen.audit;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The files of the current municipality that were closed (moved away, deceased, closed)
 * on or before a day, with their closing date; implemented by the module that owns
 * persons. Retention periods run from the closing date.
 */
public interface ClosedFiles {

    Map<UUID, LocalDate> closedOnOrBefore(LocalDate day);

}
