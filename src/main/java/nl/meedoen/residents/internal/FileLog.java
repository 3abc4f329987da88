package nl.meedoen.residents.internal;

import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.identity.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Logs a processing of a person's file by the logged-in user, or by the system when
 * nobody is logged in.
 */
@Component
class FileLog {

    private final AuditLog audit;

    FileLog(AuditLog audit) {
        this.audit = audit;
    }

    void log(AuditAction action, UUID personId) {
        audit.record(action, personId);
    }

}
