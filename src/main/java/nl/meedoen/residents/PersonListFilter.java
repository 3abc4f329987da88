package nl.meedoen.residents;

import java.util.List;

/**
 * A filter of the person list on facts another module owns (the trajectory's phase, open
 * signals). Residents pages the list in one statement over its own tables; the owning
 * module contributes the condition as SQL over its own tables, so the filter runs in the
 * database on the page's index and never as a list of ids in memory. Residents checks the
 * choice against {@link #choices()} before it asks for the condition.
 */
public interface PersonListFilter {

    /** The parameter in the list's address, e.g. {@code fase}. */
    String parameter();

    /** The message key of the filter's label. */
    String labelKey();

    /** The choices, in the order shown, as they appear in the address. */
    List<String> choices();

    /** The message key of a choice's label. */
    String choiceKey(String choice);

    /**
     * A condition on the person whose id is the column {@code p.id}, for one of
     * {@link #choices()}. It may read {@code :m} (the municipality, uuid) and
     * {@code :today} (date, from the application's clock) and nothing else, and reads
     * only the contributing module's tables, each limited to
     * {@code municipality_id = :m}.
     */
    String condition(String choice);

}
