package nl.meedoen.audit;

import java.util.Collection;
import java.util.UUID;

/**
 * Writes the processing log. Two calls, two places:
 *
 * <ul>
 * <li>{@link #record} — a <em>change</em> of a person's data, by the module service that
 * makes it, in the same transaction: the change and its entry are stored together or not
 * at all.</li>
 * <li>{@link #read} — a <em>read</em>: by the page or API handler that shows the data,
 * once per handler, right after loading and before answering. Services never log reads,
 * so which service method a handler calls makes no difference to the log.</li>
 * </ul>
 * Both log the logged-in user, or, where no one is logged in (demo data, jobs), the
 * system on behalf of the area the action belongs to.
 */
public interface AuditLog {

    /** Logs a change of the person's data, in the transaction that makes it. */
    void record(AuditAction action, UUID personId);

    /** Logs that the handler shows the person's data: one entry. */
    void read(AuditAction action, UUID personId);

    /** Logs that the handler shows the data of these persons: one entry per person. */
    void read(AuditAction action, Collection<UUID> personIds);

}
