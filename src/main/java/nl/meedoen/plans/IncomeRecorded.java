package nl.meedoen.plans;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A new source of the person's income was recorded from the given day (the open period
 * before it ended).
 */
public record IncomeRecorded(UUID municipalityId, UUID personId, IncomeSource source, LocalDate startsOn) {
}
