package nl.meedoen.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.portal.internal.ChangeRequests;
import nl.meedoen.portal.internal.MessageExchange;
import nl.meedoen.residents.FileSummary;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Mijn Meedoen in the file's header: the resident's unread messages and the changes
 * waiting for a decision, linking to the tab, when there are any. Showing them is a read
 * of the file, logged here.
 */
@Component
class ExchangeFileSummary implements FileSummary {

    private final MessageExchange messages;

    private final ChangeRequests changes;

    private final MessageSource texts;

    private final AuditLog audit;

    ExchangeFileSummary(MessageExchange messages, ChangeRequests changes, MessageSource texts, AuditLog audit) {
        this.messages = messages;
        this.changes = changes;
        this.texts = texts;
        this.audit = audit;
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public List<Fact> header(UUID personId) {
        long unread = messages.unreadByStaff(personId);
        long pending = changes.pending(personId);
        if (unread == 0 && pending == 0) {
            return List.of();
        }
        List<String> parts = new ArrayList<>();
        if (unread > 0) {
            parts.add(text("file.header.portal.unread", unread));
        }
        if (pending > 0) {
            parts.add(text("file.header.portal.pending", pending));
        }
        audit.read(AuditAction.READ, personId);
        return List.of(new Fact(text("file.header.portal"), String.join(", ", parts),
                "/personen/" + personId + "/mijn-meedoen", true));
    }

    private String text(String key, Object... arguments) {
        return texts.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
    }

}
