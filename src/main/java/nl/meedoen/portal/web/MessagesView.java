package nl.meedoen.portal.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.meedoen.platform.Time;
import nl.meedoen.portal.internal.MessageExchange.Message;
import org.jspecify.annotations.Nullable;

/**
 * The exchange with the caseworker in the resident's words, shared by the page and the
 * API: who wrote each message (the resident or the caseworker, by role), when, and
 * whether the resident reads it for the first time.
 */
record MessagesView(List<Item> items) {

    record Item(UUID id, boolean mine, String from, String text, Instant sentAt, String when, boolean unread,
            @Nullable Instant readAt) {
    }

    static MessagesView of(List<Message> messages, Locale locale) {
        return new MessagesView(messages.stream().map(m -> {
            String from = m.fromResident() ? PortalLanguage.text(locale, "portal.messages.fromMe")
                    : PortalLanguage.text(locale, "portal.role." + m.authorRole());
            var at = m.sentAt().atZone(Time.ZONE);
            String when = PortalLanguage.text(locale, "portal.upcoming.at",
                    PortalLanguage.date(locale, at.toLocalDate()),
                    at.toLocalTime().withSecond(0).withNano(0).toString());
            return new Item(m.id(), m.fromResident(), from, m.text(), m.sentAt(), when, !m.fromResident() && m.unread(),
                    m.readAt());
        }).toList());
    }

}
