package nl.meedoen.signals.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.residents.FileNotices;
import nl.meedoen.signals.internal.Worklist;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The person's open signals at the top of their file, each in words with a link to the
 * tab where the caseworker acts. Showing them is a read of the person's signals: logged
 * here, where they are shown, when there is something to show.
 */
@Component
class SignalNotices implements FileNotices {

    private final Worklist worklist;

    private final SignalExplanations explanations;

    private final MessageSource messages;

    private final AuditLog audit;

    SignalNotices(Worklist worklist, SignalExplanations explanations, MessageSource messages, AuditLog audit) {
        this.worklist = worklist;
        this.explanations = explanations;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public List<Notice> forPerson(UUID personId) {
        List<Worklist.Signal> open = worklist.openForPerson(personId);
        if (open.isEmpty()) {
            return List.of();
        }
        audit.read(AuditAction.SIGNAL_READ, personId);
        Locale locale = LocaleContextHolder.getLocale();
        return open.stream()
            .map(s -> new Notice(messages.getMessage("signals.rule." + s.rule(), null, s.rule().name(), locale) + ": "
                    + explanations.explain(s, locale), explanations.href(s), s.severity().name()))
            .toList();
    }

}
