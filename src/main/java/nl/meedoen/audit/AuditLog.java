package nl.meedoen.audit;

import java.util.UUID;

/**
 * Writes the processing log. Called in the transaction that processes the data, so that
 * the processing and its log entry are stored together or not at all.
 */
public interface AuditLog {

    /** Logs a processing by the logged-in user. */
    void record(AuditAction action, UUID personId);

    /**
     * Logs a processing by the system itself (demo data, jobs), naming what the system
     * did it for.
     */
    void recordBySystem(AuditAction action, UUID personId, String onBehalfOf);

}
