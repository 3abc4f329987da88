package nl.meedoen.portal.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.portal.ResidentMessageSent;
import nl.meedoen.residents.Residents;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secure exchange of text messages between the resident and the caseworkers of the
 * file: no attachments, at most {@value #MAXIMUM_LENGTH} characters. A message is unread
 * until the other side opens the exchange. The resident's message gives the trajectory's
 * caseworker (or else the team's caseworkers) a task. Every message is logged on the
 * person, as the resident's own act or as a change of the file by staff. Staff reach only
 * the files they may open (need-to-know); the resident only the own, whose id the caller
 * takes from the login.
 */
@Component
public class MessageExchange {

    /** The longest message, in characters. */
    public static final int MAXIMUM_LENGTH = 2000;

    /** How many of the latest messages the exchange shows. */
    public static final int SHOWN = 200;

    /** A message, with the role of whoever wrote it (never a name). */
    public record Message(UUID id, boolean fromResident, String authorRole, String text, Instant sentAt,
            @Nullable Instant readAt) {

        public boolean unread() {
            return readAt == null;
        }

    }

    private final JdbcClient jdbc;

    private final Residents residents;

    private final FileCaseworkers caseworkers;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    MessageExchange(JdbcClient jdbc, Residents residents, FileCaseworkers caseworkers, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.caseworkers = caseworkers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The latest messages of the file, oldest first. */
    @Transactional(readOnly = true)
    public List<Message> of(UUID person) {
        return jdbc.sql("""
                select * from (select id, from_resident, author_role, body, sent_at, read_at from portal_message
                    where municipality_id = :m and person_id = :p order by sent_at desc, id desc limit :l) latest
                order by sent_at, id""")
            .param("m", Tenancy.require())
            .param("p", person)
            .param("l", SHOWN)
            .query((rs, i) -> new Message(rs.getObject("id", UUID.class), rs.getBoolean("from_resident"),
                    rs.getString("author_role"), rs.getString("body"),
                    rs.getObject("sent_at", OffsetDateTime.class).toInstant(),
                    rs.getObject("read_at", OffsetDateTime.class) == null ? null
                            : rs.getObject("read_at", OffsetDateTime.class).toInstant()))
            .list();
    }

    /**
     * Opens the exchange for its reader: the messages of the other side become read, and
     * the messages are answered as they were before (the newly read still unread).
     */
    @Transactional
    public List<Message> open(UUID person) {
        boolean resident = reader().hasRole(Role.RESIDENT);
        residents.find(person).orElseThrow(NotFoundException::new);
        List<Message> messages = of(person);
        jdbc.sql("""
                update portal_message set read_at = :at
                where municipality_id = :m and person_id = :p and from_resident = :other and read_at is null""")
            .param("at", now())
            .param("m", Tenancy.require())
            .param("p", person)
            .param("other", !resident)
            .update();
        return messages;
    }

    /** How many of the resident's messages no one of the staff has read yet. */
    @Transactional(readOnly = true)
    public long unreadByStaff(UUID person) {
        return unread(person, true);
    }

    /** How many of the staff's messages the resident has not read yet. */
    @Transactional(readOnly = true)
    public long unreadByResident(UUID person) {
        return unread(person, false);
    }

    private long unread(UUID person, boolean fromResident) {
        return jdbc.sql("""
                select count(*) from portal_message
                where municipality_id = :m and person_id = :p and from_resident = :r and read_at is null""")
            .param("m", Tenancy.require())
            .param("p", person)
            .param("r", fromResident)
            .query(Long.class)
            .single();
    }

    /**
     * Sends a message as the logged-in user: the resident to the caseworkers of the own
     * file, a caseworker or team lead to the resident of a file they may open.
     */
    @Transactional
    public Message send(UUID person, @Nullable String text) {
        CurrentUser author = reader();
        boolean resident = author.hasRole(Role.RESIDENT);
        if (!resident && !author.hasRole(Role.CASEWORKER) && !author.hasRole(Role.TEAM_LEAD)) {
            throw new AccessDeniedException("only the resident and the file's caseworkers exchange messages");
        }
        residents.find(person).orElseThrow(NotFoundException::new);
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new InvalidInputException("text", "portal.message.required");
        }
        if (body.length() > MAXIMUM_LENGTH) {
            throw new InvalidInputException("text", "portal.message.tooLong");
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime at = now();
        jdbc.sql("""
                insert into portal_message (id, municipality_id, person_id, from_resident, author_id, author_role, body,
                    sent_at)
                values (:id, :m, :p, :resident, :author, :role, :body, :at)""")
            .param("id", id)
            .param("m", Tenancy.require())
            .param("p", person)
            .param("resident", resident)
            .param("author", author.id())
            .param("role", author.role().name())
            .param("body", body)
            .param("at", at)
            .update();
        audit.record(resident ? AuditAction.PORTAL_UPDATE : AuditAction.UPDATE, person);
        if (resident) {
            events.publishEvent(new ResidentMessageSent(Tenancy.require(), person, id, caseworkers.of(person)));
        }
        return new Message(id, resident, author.role().name(), body, at.toInstant(), null);
    }

    private static CurrentUser reader() {
        return CurrentUser.current().orElseThrow(() -> new AccessDeniedException("not logged in"));
    }

    private OffsetDateTime now() {
        return Instant.now(clock).atOffset(ZoneOffset.UTC);
    }

}
