package nl.meedoen.audit;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One module's part in retention: the kinds of record it keeps on a person, how long by
 * default after the file is closed, and how it anonymises or removes them once that
 * period has passed. Each module implements this with a small bean in its own package and
 * touches only its own tables; the retention run of the current municipality calls them
 * (row-level security applies). What monitoring counts (municipality, category, dates) is
 * kept; names, numbers, contact details and free text go.
 */
public interface RetainedData {

    /**
     * A kind of record: {@code key} as {@code module.kind}, its default period after the
     * file closed, and where that default comes from (a law or list, or "gemeentelijke
     * keuze").
     */
    record RecordType(String key, Period retention, String source) {
    }

    /** What is due for one record type: how many records and the oldest closing date. */
    record Due(long count, @Nullable LocalDate oldest) {

        public static final Due NONE = new Due(0, null);

    }

    List<RecordType> recordTypes();

    /**
     * The records of this type of the given persons (closed files, by closing date) that
     * are not anonymised yet.
     */
    Due due(String recordType, Map<UUID, LocalDate> closedFiles);

    /**
     * Anonymises or removes the records of this type of these persons, in the run's
     * transaction; answers the persons whose records changed (each is logged).
     */
    Set<UUID> apply(String recordType, Set<UUID> personIds);

    /**
     * The oldest closing date among the persons that hold at least one record, for
     * {@link Due}.
     */
    static Due due(Map<UUID, LocalDate> closedFiles, Map<UUID, Long> recordsPerPerson) {
        long count = 0;
        LocalDate oldest = null;
        for (Map.Entry<UUID, Long> records : recordsPerPerson.entrySet()) {
            LocalDate closed = closedFiles.get(records.getKey());
            if (closed != null && records.getValue() > 0) {
                count += records.getValue();
                oldest = oldest == null || closed.isBefore(oldest) ? closed : oldest;
            }
        }
        return count == 0 ? Due.NONE : new Due(count, oldest);
    }

}
