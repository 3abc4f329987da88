package nl.meedoen.network.internal;

import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.identity.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Logs the processing of a person's network data, by the logged-in user or by the system.
 */
@Component
class NetworkLog {

    private final AuditLog audit;

    NetworkLog(AuditLog audit) {
        this.audit = audit;
    }

    void log(AuditAction action, UUID personId) {
        audit.record(action, personId);
    }

}
