package nl.meedoen.signals.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.residents.FileSummary;
import nl.meedoen.signals.Severity;
import nl.meedoen.signals.internal.Worklist;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Early signalling's part of the person's file header: the number of open signals, with a
 * link to where the file lists them; and each open signal in words in the printed file.
 * Showing it is a read of the person's signals, logged here when there are any.
 */
@Component
class SignalFileSummary implements FileSummary {

    private final Worklist worklist;

    private final SignalExplanations explanations;

    private final MessageSource messages;

    private final AuditLog audit;

    SignalFileSummary(Worklist worklist, SignalExplanations explanations, MessageSource messages, AuditLog audit) {
        this.worklist = worklist;
        this.explanations = explanations;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<Fact> header(UUID personId) {
        List<Worklist.Signal> open = worklist.openForPerson(personId);
        if (open.isEmpty()) {
            return List.of();
        }
        audit.read(AuditAction.SIGNAL_READ, personId);
        Locale locale = LocaleContextHolder.getLocale();
        return List.of(new Fact(messages.getMessage("file.header.signals", null, locale),
                messages.getMessage("file.header.signals.count", new Object[] { open.size() }, locale),
                "/personen/" + personId + "#file-notices-title",
                open.stream().anyMatch(s -> s.severity() == Severity.HIGH)));
    }

    @Override
    public List<Section> printed(UUID personId) {
        List<Worklist.Signal> open = worklist.openForPerson(personId);
        if (open.isEmpty()) {
            return List.of();
        }
        audit.read(AuditAction.SIGNAL_READ, personId);
        Locale locale = LocaleContextHolder.getLocale();
        return List.of(new Section(messages.getMessage("person.notices.title", null, locale),
                open.stream()
                    .map(s -> new Fact(messages.getMessage("signals.rule." + s.rule(), null, s.rule().name(), locale),
                            explanations.explain(s, locale), null, s.severity() == Severity.HIGH))
                    .toList()));
    }

}
