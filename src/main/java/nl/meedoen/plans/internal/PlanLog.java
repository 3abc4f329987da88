package nl.meedoen.plans.internal;

import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.identity.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Logs the processing of a person's plan and progress, by the logged-in user or by the
 * system.
 */
@Component
public class PlanLog {

    private final AuditLog audit;

    PlanLog(AuditLog audit) {
        this.audit = audit;
    }

    public void read(UUID personId) {
        log(AuditAction.PLAN_READ, personId);
    }

    public void update(UUID personId) {
        log(AuditAction.PLAN_UPDATE, personId);
    }

    private void log(AuditAction action, UUID personId) {
        audit.record(action, personId);
    }

    /** Who did it, for the record: the logged-in user's name, or the system. */
    static String actor() {
        return CurrentUser.current().map(CurrentUser::displayName).orElse("Systeem");
    }

}
