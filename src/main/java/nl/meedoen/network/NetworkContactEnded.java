package nl.meedoen.network;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A contact of the person's own network ended on the given day (it is kept, no longer
 * counted).
 */
public record NetworkContactEnded(UUID municipalityId, UUID personId, UUID contactId, LocalDate endedOn) {
}
