package nl.meedoen.network.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.network.BuddyMatchEnded;
import nl.meedoen.network.BuddyMatchIntroduced;
import nl.meedoen.network.BuddyMatchProposed;
import nl.meedoen.network.BuddyMatchStarted;
import nl.meedoen.network.MatchStatus;
import nl.meedoen.network.VolunteerRole;
import nl.meedoen.network.internal.MatchRequests.MatchRequest;
import nl.meedoen.network.internal.Volunteers.Volunteer;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.VersionRequiredException;
import nl.meedoen.platform.StaleVersionException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buddy matches of a volunteer with a person: proposed for a match request, introduced,
 * active, ended with a reason. Meetings (with hours) and check-ins are logged per match;
 * the check-in is due some weeks (a setting) after the match became active. Every
 * transition publishes an event.
 */
@Service
public class BuddyMatches {

    public enum LogKind {

        MEETING, CHECK_IN

    }

    /** A meeting or check-in on a match. */
    public record LogEntry(UUID id, LogKind kind, LocalDate heldOn, @Nullable BigDecimal hours, @Nullable String note) {
    }

    /** A match as stored, with its log totals and check-in date. */
    public record Match(UUID id, UUID requestId, UUID personId, UUID volunteerId, VolunteerRole role,
            MatchStatus status, int score, LocalDate proposedOn, @Nullable LocalDate introducedOn,
            @Nullable LocalDate startedOn, @Nullable LocalDate endedOn, @Nullable String endReason, int version,
            int meetings, BigDecimal hours, boolean checkedIn) {

        /**
         * When the check-in is due: the check-in weeks after the match became active,
         * until one is logged.
         */
        public @Nullable LocalDate checkInDue(NetworkSettings.Rules rules) {
            return status == MatchStatus.ACTIVE && startedOn != null && !checkedIn ? rules.checkInDue(startedOn) : null;
        }
    }

    private static final String COLUMNS = """
            b.id, b.match_request_id, b.person_id, b.volunteer_id, b.role, b.status, b.score, b.proposed_on,
            b.introduced_on, b.started_on, b.ended_on, b.end_reason, b.version,
            (select count(*) from buddy_match_log g where g.municipality_id = b.municipality_id
                and g.match_id = b.id and g.kind = 'MEETING') as meetings,
            (select coalesce(sum(hours), 0) from buddy_match_log g where g.municipality_id = b.municipality_id
                and g.match_id = b.id) as hours,
            exists (select 1 from buddy_match_log g where g.municipality_id = b.municipality_id
                and g.match_id = b.id and g.kind = 'CHECK_IN') as checked_in""";

    private final JdbcClient jdbc;

    private final MatchRequests requests;

    private final Volunteers volunteers;

    private final Matching matching;

    private final NetworkSettings settings;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    BuddyMatches(JdbcClient jdbc, MatchRequests requests, Volunteers volunteers, Matching matching,
            NetworkSettings settings, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.volunteers = volunteers;
        this.matching = matching;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Proposes a volunteer for an open request. Refused (409) for a volunteer who may not
     * be proposed ({@link Proposable}: stopped, without the role, without a valid
     * certificate of conduct, at maximum load, or the person themselves). The volunteer's
     * row is locked so that two proposals at the same time cannot both take the last
     * place.
     */
    @Transactional
    public Match propose(UUID requestId, UUID volunteerId) {
        return propose(requestId, volunteerId, LocalDate.now(clock));
    }

    /**
     * Proposes as of {@code proposedOn} (not in the future), e.g. when recording a
     * proposal made earlier.
     */
    @Transactional
    public Match propose(UUID requestId, UUID volunteerId, LocalDate proposedOn) {
        MatchRequest request = requests.find(requestId)
            .orElseThrow(() -> new InvalidInputException("matchRequestId", "network.match.requestUnknown"));
        int locked = jdbc
            .sql("select count(*) from (select id from volunteer where municipality_id = :m and id = :id for update) v")
            .param("m", Tenancy.require())
            .param("id", volunteerId)
            .query(Integer.class)
            .single();
        if (locked == 0) {
            throw new InvalidInputException("volunteerId", "network.match.volunteerUnknown");
        }
        Volunteer volunteer = volunteers.find(volunteerId).orElseThrow();
        if (request.status() != MatchRequests.Status.OPEN) {
            throw new ConflictException("network.request.notOpen");
        }
        LocalDate today = LocalDate.now(clock);
        String refusal = volunteer.refusalFor(request, settings.current(), today);
        if (refusal != null) {
            throw new ConflictException(refusal);
        }
        int score = matching.score(request, volunteer).score();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into buddy_match (id, municipality_id, match_request_id, person_id, volunteer_id, role, status,
                    score, proposed_on)
                values (:id, :m, :request, :person, :volunteer, :role, 'PROPOSED', :score, :today)""")
            .param("id", id)
            .param("m", Tenancy.require())
            .param("request", requestId)
            .param("person", request.personId())
            .param("volunteer", volunteerId)
            .param("role", request.role().name())
            .param("score", score)
            .param("today", proposedOn.isAfter(today) ? today : proposedOn)
            .update();
        requests.setStatus(requestId, MatchRequests.Status.MATCHED);
        matching.changed();
        audit.record(AuditAction.NETWORK_UPDATE, request.personId());
        events.publishEvent(
                new BuddyMatchProposed(Tenancy.require(), id, request.personId(), volunteerId, request.role(), score));
        return load(id).orElseThrow();
    }

    /**
     * Moves a match on: {@code PROPOSED → INTRODUCED → ACTIVE → ENDED}, ending possible
     * from any earlier status with a reason. Any other move is refused (409). A match
     * that ends before it became active reopens its request. {@code version} is the
     * match's version the caller read: none is refused (428), another one too (412).
     */
    @Transactional
    public Match move(UUID id, MatchStatus next, @Nullable LocalDate on, @Nullable String reason,
            @Nullable Integer version) {
        Match match = load(id).orElseThrow(NotFoundException::new);
        if (version == null) {
            throw new VersionRequiredException();
        }
        if (version != match.version()) {
            throw new StaleVersionException();
        }
        if (!match.status().mayMoveTo(next)) {
            throw new ConflictException("network.match.illegalTransition");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate day = on == null ? today : on;
        if (day.isAfter(today)) {
            throw new InvalidInputException("date", "date.future");
        }
        LocalDate previous = latest(match);
        if (day.isBefore(previous)) {
            throw new InvalidInputException("date", "network.match.dateBeforePrevious");
        }
        String endReason = Volunteers.blankToNull(reason);
        if (next == MatchStatus.ENDED && endReason == null) {
            throw new InvalidInputException("reason", "network.match.reasonRequired");
        }
        String column = switch (next) {
            case INTRODUCED -> "introduced_on";
            case ACTIVE -> "started_on";
            case ENDED -> "ended_on";
            case PROPOSED -> throw new ConflictException("network.match.illegalTransition");
        };
        int changed = jdbc
            .sql("update buddy_match set status = :next, " + column + " = :day, end_reason = :reason,"
                    + " version = version + 1 where municipality_id = :m and id = :id and status = :current"
                    + " and version = :version")
            .param("next", next.name())
            .param("day", day)
            .param("reason", next == MatchStatus.ENDED ? endReason : null)
            .param("m", Tenancy.require())
            .param("id", id)
            .param("current", match.status().name())
            .param("version", version)
            .update();
        if (changed == 0) {
            throw new ConflictException("network.match.illegalTransition");
        }
        UUID m = Tenancy.require();
        switch (next) {
            case INTRODUCED ->
                events.publishEvent(new BuddyMatchIntroduced(m, id, match.personId(), match.volunteerId(), day));
            case ACTIVE ->
                events.publishEvent(new BuddyMatchStarted(m, id, match.personId(), match.volunteerId(), day));
            case ENDED -> {
                matching.changed();
                if (match.status() != MatchStatus.ACTIVE) {
                    requests.setStatus(match.requestId(), MatchRequests.Status.OPEN);
                }
                events.publishEvent(new BuddyMatchEnded(m, id, match.personId(), match.volunteerId(), day, endReason));
            }
            default -> {
            }
        }
        audit.record(AuditAction.NETWORK_UPDATE, match.personId());
        return load(id).orElseThrow();
    }

    /**
     * Logs a meeting (with hours) or a check-in on a match that was introduced or is
     * active.
     */
    @Transactional
    public Match log(UUID id, LogKind kind, LocalDate heldOn, @Nullable BigDecimal hours, @Nullable String note) {
        Match match = load(id).orElseThrow(NotFoundException::new);
        if (match.status() != MatchStatus.INTRODUCED && match.status() != MatchStatus.ACTIVE) {
            throw new ConflictException("network.match.logNotRunning");
        }
        if (heldOn.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("heldOn", "date.future");
        }
        if (heldOn.isBefore(match.proposedOn())) {
            throw new InvalidInputException("heldOn", "network.match.dateBeforePrevious");
        }
        if (kind == LogKind.MEETING && (hours == null || hours.signum() <= 0
                || hours.compareTo(BigDecimal.valueOf(24)) > 0 || hours.scale() > 1)) {
            throw new InvalidInputException("hours", "network.log.hours");
        }
        jdbc.sql("""
                insert into buddy_match_log (id, municipality_id, match_id, kind, held_on, hours, note, logged_by)
                values (:id, :m, :match, :kind, :on, :hours, :note, :by)""")
            .param("id", UUID.randomUUID())
            .param("m", Tenancy.require())
            .param("match", id)
            .param("kind", kind.name())
            .param("on", heldOn)
            .param("hours", hours)
            .param("note", Volunteers.blankToNull(note))
            .param("by", CurrentUser.current().map(CurrentUser::id).orElse(null))
            .update();
        audit.record(AuditAction.NETWORK_UPDATE, match.personId());
        return load(id).orElseThrow();
    }

    /** A match of the current municipality. */
    @Transactional(readOnly = true)
    public Optional<Match> find(UUID id) {
        return load(id);
    }

    /** The log of a match by date. */
    @Transactional(readOnly = true)
    public List<LogEntry> entries(UUID id) {
        return jdbc.sql("""
                select id, kind, held_on, hours, note from buddy_match_log
                where municipality_id = :m and match_id = :id order by held_on, created_at""")
            .param("m", Tenancy.require())
            .param("id", id)
            .query((rs, n) -> new LogEntry(rs.getObject(1, UUID.class), LogKind.valueOf(rs.getString(2)),
                    rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getString(5)))
            .list();
    }

    /** A person's matches, newest first. */
    @Transactional(readOnly = true)
    public List<Match> ofPerson(UUID personId) {
        return jdbc.sql("select " + COLUMNS + """
                 from buddy_match b where b.municipality_id = :m and b.person_id = :p
                order by b.proposed_on desc, b.created_at desc""")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query(BuddyMatches::match)
            .list();
    }

    /** A volunteer's matches, running ones first. */
    @Transactional(readOnly = true)
    public List<Match> ofVolunteer(UUID volunteerId) {
        return jdbc.sql("select " + COLUMNS + """
                 from buddy_match b where b.municipality_id = :m and b.volunteer_id = :v
                order by (b.status = 'ENDED'), b.proposed_on desc""")
            .param("m", Tenancy.require())
            .param("v", volunteerId)
            .query(BuddyMatches::match)
            .list();
    }

    /**
     * The running matches (proposed, introduced, active), oldest first; the coordinator's
     * overview.
     */
    @Transactional(readOnly = true)
    public List<Match> running(int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from buddy_match b where b.municipality_id = :m and b.status <> 'ENDED'
                order by b.proposed_on, b.id limit :limit""")
            .param("m", Tenancy.require())
            .param("limit", limit)
            .query(BuddyMatches::match)
            .list();
    }

    /**
     * Active matches whose check-in is due on or before {@code day} and not logged yet,
     * most overdue first.
     */
    @Transactional(readOnly = true)
    public List<Match> checkInsDue(LocalDate day) {
        NetworkSettings.Rules rules = settings.current();
        return jdbc.sql("select " + COLUMNS + """
                 from buddy_match b where b.municipality_id = :m and b.status = 'ACTIVE' and b.started_on <= :since
                   and not exists (select 1 from buddy_match_log g where g.municipality_id = b.municipality_id
                                     and g.match_id = b.id and g.kind = 'CHECK_IN')
                order by b.started_on, b.id""")
            .param("m", Tenancy.require())
            .param("since", day.minusWeeks(rules.checkInWeeks()))
            .query(BuddyMatches::match)
            .list();
    }

    private Optional<Match> load(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from buddy_match b where b.municipality_id = :m and b.id = :id")
            .param("m", Tenancy.require())
            .param("id", id)
            .query(BuddyMatches::match)
            .optional();
    }

    private static LocalDate latest(Match match) {
        LocalDate latest = match.proposedOn();
        for (LocalDate d : new LocalDate[] { match.introducedOn(), match.startedOn() }) {
            if (d != null && d.isAfter(latest)) {
                latest = d;
            }
        }
        return latest;
    }

    static Match match(ResultSet rs, int row) throws SQLException {
        return new Match(rs.getObject("id", UUID.class), rs.getObject("match_request_id", UUID.class),
                rs.getObject("person_id", UUID.class), rs.getObject("volunteer_id", UUID.class),
                VolunteerRole.valueOf(rs.getString("role")), MatchStatus.valueOf(rs.getString("status")),
                rs.getInt("score"), rs.getObject("proposed_on", LocalDate.class),
                rs.getObject("introduced_on", LocalDate.class), rs.getObject("started_on", LocalDate.class),
                rs.getObject("ended_on", LocalDate.class), rs.getString("end_reason"), rs.getInt("version"),
                rs.getInt("meetings"), rs.getBigDecimal("hours"), rs.getBoolean("checked_in"));
    }

}
