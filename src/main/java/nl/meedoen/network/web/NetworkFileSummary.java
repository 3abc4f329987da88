package nl.meedoen.network.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.network.internal.Contacts;
import nl.meedoen.network.internal.Contacts.Contact;
import nl.meedoen.residents.FileSummary;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The person's own network in the printed file: the current contacts, by kind and since
 * when. It adds nothing to the header. Printing it is a read of the network, logged here
 * when there are contacts.
 */
@Component
class NetworkFileSummary implements FileSummary {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final Contacts contacts;

    private final MessageSource messages;

    private final AuditLog audit;

    NetworkFileSummary(Contacts contacts, MessageSource messages, AuditLog audit) {
        this.contacts = contacts;
        this.messages = messages;
        this.audit = audit;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<Fact> header(UUID personId) {
        return List.of();
    }

    @Override
    public List<Section> printed(UUID personId) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Contact> current = contacts.ofPerson(personId).stream().filter(Contact::current).toList();
        if (!current.isEmpty()) {
            audit.read(AuditAction.NETWORK_READ, personId);
        }
        return List.of(new Section(messages.getMessage("file.tab.network", null, locale),
                current.stream()
                    .map(c -> Fact.of(messages.getMessage("network.contact.kind." + c.kind(), null, locale),
                            c.name() + (c.since() == null ? "" : " (" + DAY.format(c.since()) + ")"), null))
                    .toList()));
    }

}
