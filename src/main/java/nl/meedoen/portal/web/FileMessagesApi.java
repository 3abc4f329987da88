package nl.meedoen.portal.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.portal.internal.MessageExchange;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The messages with the resident of a file, for the caseworkers of the file. */
@RestController
@RequestMapping("/api/v1/persons/{id}/messages")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
@Tag(name = "Mijn Meedoen messages", description = """
        The secure exchange of text messages between the resident (Mijn Meedoen) and the caseworkers of the file.""")
class FileMessagesApi {

    record Message(UUID id, boolean fromResident, String authorRole, String text, Instant sentAt,
            @Nullable Instant readAt) {

        static Message of(MessageExchange.Message m) {
            return new Message(m.id(), m.fromResident(), m.authorRole(), m.text(), m.sentAt(), m.readAt());
        }

    }

    record Messages(List<Message> items, long unread) {
    }

    record NewMessage(@Nullable String text) {
    }

    private final MessageExchange messages;

    private final AuditLog audit;

    FileMessagesApi(MessageExchange messages, AuditLog audit) {
        this.messages = messages;
        this.audit = audit;
    }

    @ShowsPersonData
    @GetMapping
    @Operation(summary = "The messages with the resident", description = """
            Caseworkers and team leads of the file. Oldest first (the latest 200), each with whether the resident \
            wrote it, the author's role, the text, when it was sent and when the other side read it (null: unread). \
            `unread` counts the resident's messages staff had not read before this call, which marks them read. 404 \
            for a person the caller cannot see.""")
    Messages list(@PathVariable UUID id) {
        List<MessageExchange.Message> shown = messages.open(id);
        audit.read(AuditAction.READ, id);
        return new Messages(shown.stream().map(Message::of).toList(),
                shown.stream().filter(m -> m.fromResident() && m.unread()).count());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Answer the resident", description = """
            Caseworkers and team leads of the file. Text only, 1 to 2000 characters; the resident sees it in Mijn \
            Meedoen as unread. Logged as a change of the file. 400 for an empty or too long text, 404 for a person \
            the caller cannot see.""")
    Message send(@PathVariable UUID id, @RequestBody NewMessage body) {
        return Message.of(messages.send(id, body.text()));
    }

}
