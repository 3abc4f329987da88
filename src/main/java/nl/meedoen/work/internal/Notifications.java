package nl.meedoen.work.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.Time;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications of one user: added for the recipient in the current municipality,
 * listed newest first, marked read when opened. Only the recipient sees them.
 */
@Component
public class Notifications {

    /** What a notification is about. */
    public enum Kind {

        /** A partner's response to a referral, or its outcome. */
        REFERRAL_RESPONSE,
        /** New signals raised for the user. */
        SIGNALS_RAISED,
        /** A role approval the user asked for was decided. */
        APPROVAL_DECIDED,
        /** The person withdrew the consent for a referral the user made. */
        CONSENT_WITHDRAWN,
        /** The resident of a file the user looks after sent a message. */
        RESIDENT_MESSAGE,
        /**
         * The resident of a file the user looks after reported a change to accept or
         * reject.
         */
        CHANGE_REPORTED

    }

    /**
     * A notification as stored: a message key with its arguments (numbers, codes, dates;
     * never a person's data) and the page it points to.
     */
    public record Notification(UUID id, Kind kind, String messageKey, List<String> arguments, String link,
            LocalDateTime createdAt, @Nullable LocalDateTime readAt) {

        public boolean unread() {
            return readAt == null;
        }

        /**
         * The arguments for the message source: a count as a number (for its plural), the
         * rest as text.
         */
        public Object[] messageArguments() {
            return arguments.stream().map(a -> a.matches("[0-9]{1,9}") ? (Object) Long.valueOf(a) : a).toArray();
        }

    }

    private final JdbcClient jdbc;

    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Adds a notification for the recipient in the current municipality, in a transaction
     * of its own (a listener's transaction began before it named the municipality).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public UUID add(UUID recipientId, Kind kind, String messageKey, List<String> arguments, String link) {
        if (!link.startsWith("/") || link.startsWith("//")) {
            throw new IllegalArgumentException("a notification links inside the product: " + link);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql(
                """
                        insert into notification (id, municipality_id, recipient_id, kind, message_key, arguments, link, created_at)
                        values (:id, :m, :recipient, :kind, :key, :arguments, :link, :at)""")
            .param("id", id)
            .param("m", Tenancy.require())
            .param("recipient", recipientId)
            .param("kind", kind.name())
            .param("key", messageKey)
            .param("arguments", arguments.toArray(String[]::new))
            .param("link", link)
            .param("at", Instant.now(clock).atOffset(ZoneOffset.UTC))
            .update();
        return id;
    }

    /** The user's latest notifications, unread first, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> latest(CurrentUser user, int limit) {
        return jdbc.sql(SELECT + """
                 where municipality_id = :m and recipient_id = :user
                order by read_at is not null, created_at desc, id
                limit :limit""")
            .param("m", user.municipalityId())
            .param("user", user.id())
            .param("limit", limit)
            .query(Notifications::row)
            .list();
    }

    /** How many of the user's notifications are unread. */
    @Transactional(readOnly = true)
    public long unread(CurrentUser user) {
        return jdbc.sql("""
                select count(*) from notification
                where municipality_id = :m and recipient_id = :user and read_at is null""")
            .param("m", user.municipalityId())
            .param("user", user.id())
            .query(Long.class)
            .single();
    }

    /**
     * Opens one of the user's notifications: marks it read (once) and answers it, or
     * nothing when it is not the user's.
     */
    @Transactional
    public Optional<Notification> open(CurrentUser user, UUID id) {
        jdbc.sql("""
                update notification set read_at = :at
                where municipality_id = :m and recipient_id = :user and id = :id and read_at is null""")
            .param("at", Instant.now(clock).atOffset(ZoneOffset.UTC))
            .param("m", user.municipalityId())
            .param("user", user.id())
            .param("id", id)
            .update();
        return jdbc.sql(SELECT + " where municipality_id = :m and recipient_id = :user and id = :id")
            .param("m", user.municipalityId())
            .param("user", user.id())
            .param("id", id)
            .query(Notifications::row)
            .optional();
    }

    /** Marks every unread notification of the user read; answers how many. */
    @Transactional
    public int markAllRead(CurrentUser user) {
        return jdbc.sql("""
                update notification set read_at = :at
                where municipality_id = :m and recipient_id = :user and read_at is null""")
            .param("at", Instant.now(clock).atOffset(ZoneOffset.UTC))
            .param("m", user.municipalityId())
            .param("user", user.id())
            .update();
    }

    private static final String SELECT = """
            select id, kind, message_key, arguments, link, created_at, read_at from notification""";

    private static Notification row(ResultSet rs, int n) throws SQLException {
        Array arguments = rs.getArray("arguments");
        OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
        return new Notification(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")),
                rs.getString("message_key"), Arrays.asList((String[]) arguments.getArray()), rs.getString("link"),
                local(rs.getObject("created_at", OffsetDateTime.class)), read == null ? null : local(read));
    }

    private static LocalDateTime local(OffsetDateTime at) {
        return at.atZoneSameInstant(Time.ZONE).toLocalDateTime();
    }

}
