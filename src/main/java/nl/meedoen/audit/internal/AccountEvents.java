package nl.meedoen.audit.internal;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.identity.AccountEvent;
import nl.meedoen.platform.Tenancy;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes what happens to accounts into the processing log: administration (separation of
 * duties: what an administrator did to whom) and security events of logins. Listens
 * synchronously, so the entry is stored in the transaction of the change it records.
 */
@Component
class AccountEvents {

    private final ProcessingLog log;

    AccountEvents(ProcessingLog log) {
        this.log = log;
    }

    @EventListener
    void on(AccountEvent event) {
        AuditAction action = event.kind().isAdministration() ? AuditAction.ACCOUNT_ADMINISTRATION
                : AuditAction.SECURITY_EVENT;
        String detail = event.detail().isEmpty() ? event.kind().name() : event.kind().name() + ": " + event.detail();
        // as the account's municipality from the start: the log's own transaction (a
        // login has none yet) borrows its
        // connection for that municipality
        Tenancy.runAs(event.municipalityId(), () -> log.account(action, event.municipalityId(), event.account(),
                event.actor(), event.actorRole(), detail));
    }

}
