package nl.meedoen.signals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.signals.Severity;
import nl.meedoen.signals.SignalCode;
import nl.meedoen.signals.SignalStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signals of the current municipality as the worklist shows them: whose they are (the
 * caseworker's own, or the team's), filtered, counted per rule, a page at a time. A user
 * sees the signals they own and, as a team lead, those of their team and those of no team
 * (outreach reports).
 */
@Component
public class Worklist {

    /** A signal as stored. */
    public record Signal(UUID id, @Nullable UUID personId, @Nullable UUID outreachReportId, SignalCode rule,
            Severity severity, String facts, LocalDate since, LocalDate raisedOn, SignalStatus status,
            @Nullable LocalDate snoozedUntil, @Nullable String note, boolean resolvedByItself,
            @Nullable LocalDate closedOn, @Nullable UUID ownerUserId, @Nullable UUID ownerTeamId, int version) {
    }

    /** Whose signals: the user's own, or their team's. */
    public enum Scope {

        ME, TEAM

    }

    /**
     * What to show: a status (null: the open ones, OPEN and ACKNOWLEDGED), a rule and a
     * severity (null: all), and whether snoozed signals are included.
     */
    public record Filter(Scope scope, @Nullable SignalStatus status, @Nullable SignalCode rule,
            @Nullable Severity severity, boolean snoozed) {
    }

    /** One page of signals and the number of all that match. */
    public record Page(List<Signal> items, int totalItems) {
    }

    private static final String COLUMNS = """
            s.id, s.person_id, s.outreach_report_id, s.rule, s.severity, s.facts::text as facts, s.since, s.raised_on,
            s.status, s.snoozed_until, s.note, s.resolved_by_itself, s.closed_on, s.owner_user_id, s.owner_team_id,
            s.version""";

    private final JdbcClient jdbc;

    private final Clock clock;

    Worklist(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page page(CurrentUser user, Filter filter, int page, int size) {
        String where = where(user, filter, true);
        List<Signal> items = bind(jdbc.sql("select " + COLUMNS + " from signal s where " + where + """
                 order by case s.severity when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end, s.since, s.id
                limit :size offset :offset"""), user, filter).param("size", size)
            .param("offset", page * size)
            .query(Worklist::signal)
            .list();
        int total = bind(jdbc.sql("select count(*) from signal s where " + where), user, filter).query(Integer.class)
            .single();
        return new Page(items, total);
    }

    /** The number of signals per rule, for the filter without its rule. */
    @Transactional(readOnly = true)
    public Map<SignalCode, Integer> countsPerRule(CurrentUser user, Filter filter) {
        Map<SignalCode, Integer> counts = new EnumMap<>(SignalCode.class);
        bind(jdbc.sql("select s.rule, count(*) from signal s where " + where(user, filter, false) + " group by s.rule"),
                user, filter)
            .query((rs, n) -> Map.entry(SignalCode.valueOf(rs.getString(1)), rs.getInt(2)))
            .list()
            .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** The open, not snoozed signals the user owns. */
    @Transactional(readOnly = true)
    public int openCount(CurrentUser user) {
        return page(user, new Filter(Scope.ME, null, null, null, false), 0, 0).totalItems();
    }

    /** The open signals about a person, most severe first. */
    @Transactional(readOnly = true)
    public List<Signal> openForPerson(UUID personId) {
        return jdbc.sql("select " + COLUMNS + """
                 from signal s
                where s.municipality_id = :m and s.person_id = :person and s.status in ('OPEN', 'ACKNOWLEDGED')
                order by case s.severity when 'HIGH' then 0 when 'MEDIUM' then 1 else 2 end, s.since, s.id""")
            .param("m", Tenancy.require())
            .param("person", personId)
            .query(Worklist::signal)
            .list();
    }

    /** A signal the user may see and act on. */
    @Transactional(readOnly = true)
    public Optional<Signal> find(CurrentUser user, UUID id) {
        return jdbc
            .sql("select " + COLUMNS + " from signal s where s.municipality_id = :m and s.id = :id and "
                    + visible(user))
            .param("m", Tenancy.require())
            .param("id", id)
            .param("user", user.id())
            .param("team", user.teamId())
            .query(Worklist::signal)
            .optional();
    }

    /**
     * Whom a user may see: their own signals; a team lead also their team's and those of
     * no team; anyone the signals of the persons of their team that have no caseworker.
     */
    static String visible(CurrentUser user) {
        String own = "(s.owner_user_id = :user or (s.owner_user_id is null and s.owner_team_id = :team))";
        return user.hasRole(Role.TEAM_LEAD) ? "(" + own + " or s.owner_team_id = :team or s.owner_team_id is null)"
                : own;
    }

    private String where(CurrentUser user, Filter filter, boolean withRule) {
        StringBuilder where = new StringBuilder("s.municipality_id = :m and ");
        where.append(filter.scope() == Scope.ME ? "s.owner_user_id = :user" : visible(user));
        where.append(filter.status() == null ? " and s.status in ('OPEN', 'ACKNOWLEDGED')" : " and s.status = :status");
        if (withRule && filter.rule() != null) {
            where.append(" and s.rule = :rule");
        }
        if (filter.severity() != null) {
            where.append(" and s.severity = :severity");
        }
        if (!filter.snoozed()) {
            where.append(" and (s.snoozed_until is null or s.snoozed_until <= :today)");
        }
        return where.toString();
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, CurrentUser user, Filter filter) {
        return statement.param("m", Tenancy.require())
            .param("user", user.id())
            .param("team", user.teamId())
            .param("status", filter.status() == null ? null : filter.status().name())
            .param("rule", filter.rule() == null ? null : filter.rule().name())
            .param("severity", filter.severity() == null ? null : filter.severity().name())
            .param("today", LocalDate.now(clock));
    }

    static Signal signal(ResultSet rs, int row) throws SQLException {
        return new Signal(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getObject("outreach_report_id", UUID.class), SignalCode.valueOf(rs.getString("rule")),
                Severity.valueOf(rs.getString("severity")), rs.getString("facts"),
                rs.getObject("since", LocalDate.class), rs.getObject("raised_on", LocalDate.class),
                SignalStatus.valueOf(rs.getString("status")), rs.getObject("snoozed_until", LocalDate.class),
                rs.getString("note"), rs.getBoolean("resolved_by_itself"), rs.getObject("closed_on", LocalDate.class),
                rs.getObject("owner_user_id", UUID.class), rs.getObject("owner_team_id", UUID.class),
                rs.getInt("version"));
    }

}
