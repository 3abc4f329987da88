package nl.meedoen.signals.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Residents;
import nl.meedoen.signals.OutreachStatus;
import nl.meedoen.signals.SignalCode;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Concerns about residents not yet known to Meedoen (an isolated established migrant, a
 * family nobody reaches), reported by a partner, the social team or a caseworker: a
 * minimal registration that lands as an {@code OUTREACH_REPORTED} signal for the team and
 * leads to a first conversation and, if the resident wants, a file. A partner sees only
 * its own reports, and of those only where they stand.
 */
@Component
public class OutreachReports {

    /** A report as stored. */
    public record Report(UUID id, String description, @Nullable String contact, boolean agreedToContact,
            OutreachStatus status, @Nullable String outcomeNote, @Nullable UUID personId, UUID reportedBy,
            String reportedByRole, @Nullable UUID partnerId, LocalDate reportedOn, int version) {
    }

    private final JdbcClient jdbc;

    private final SignalSettings settings;

    private final Residents residents;

    private final Clock clock;

    OutreachReports(JdbcClient jdbc, SignalSettings settings, Residents residents, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.residents = residents;
        this.clock = clock;
    }

    /**
     * Registers a report and, while the rule is switched on, raises its signal for the
     * reporter's team (every team when the reporter has none, such as a partner).
     */
    @Transactional
    public UUID report(CurrentUser user, @Nullable String description, @Nullable String contact,
            boolean agreedToContact) {
        return report(new Reporter(user.id(), user.role(), user.hasRole(Role.PARTNER) ? null : user.teamId(),
                user.hasRole(Role.PARTNER) ? user.partnerId() : null), description, contact, agreedToContact);
    }

    /**
     * Who reports: a user, their role, their team and (for a partner) their organisation.
     */
    public record Reporter(UUID id, Role role, @Nullable UUID teamId, @Nullable UUID partnerId) {
    }

    @Transactional
    public UUID report(Reporter user, @Nullable String description, @Nullable String contact, boolean agreedToContact) {
        String text = description == null ? "" : description.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("description", "signals.outreach.description.required");
        }
        if (text.length() > 2000) {
            throw new InvalidInputException("description", "field.tooLong");
        }
        String reach = contact == null || contact.isBlank() ? null : contact.strip();
        if (reach != null && reach.length() > 500) {
            throw new InvalidInputException("contact", "field.tooLong");
        }
        UUID id = UUID.randomUUID();
        LocalDate today = LocalDate.now(clock);
        UUID m = Tenancy.require();
        jdbc.sql("""
                insert into outreach_report (id, municipality_id, description, contact, agreed_to_contact, reported_by,
                    reported_by_role, partner_id, reported_on)
                values (:id, :m, :description, :contact, :agreed, :by, :role, :partner, :today)""")
            .param("id", id)
            .param("m", m)
            .param("description", text)
            .param("contact", reach)
            .param("agreed", agreedToContact)
            .param("by", user.id())
            .param("role", user.role().name())
            .param("partner", user.partnerId())
            .param("today", today)
            .update();
        var rule = settings.current().of(SignalCode.OUTREACH_REPORTED);
        if (rule.enabled()) {
            jdbc.sql("""
                    insert into signal (id, municipality_id, outreach_report_id, rule, occasion, severity, facts, since,
                        raised_on, status, owner_team_id, version)
                    values (gen_random_uuid(), :m, :report, :rule, :occasion, :severity,
                        jsonb_build_object('reportedOn', cast(:today as date), 'agreedToContact', :agreed,
                            'reporterRole', cast(:role as text)),
                        :today, :today, 'OPEN', :team, 0)""")
                .param("m", m)
                .param("report", id)
                .param("rule", SignalCode.OUTREACH_REPORTED.name())
                .param("occasion", id.toString())
                .param("severity", rule.rule().severity().name())
                .param("today", today)
                .param("agreed", agreedToContact)
                .param("role", user.role().name())
                .param("team", user.teamId())
                .update();
        }
        return id;
    }

    /** The reports the user may see: a partner its own, the municipality's staff all. */
    @Transactional(readOnly = true)
    public List<Report> visibleTo(CurrentUser user) {
        String where = user.hasRole(Role.PARTNER) ? " and partner_id = :partner" : "";
        return jdbc
            .sql("select * from outreach_report where municipality_id = :m" + where
                    + " order by reported_on desc, created_at desc limit 500")
            .param("m", Tenancy.require())
            .param("partner", user.partnerId())
            .query(OutreachReports::report)
            .list();
    }

    @Transactional(readOnly = true)
    public Optional<Report> find(CurrentUser user, UUID id) {
        return visibleTo(user).stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Records what came of a report: the first conversation (CONTACTED), a file opened
     * for the resident (FILE_OPENED, with the person), or closed without one (CLOSED,
     * with a note). Its signal resolves by itself once the report is no longer only
     * reported.
     */
    @Transactional
    public Report advance(CurrentUser user, UUID id, OutreachStatus to, @Nullable String note, @Nullable UUID personId,
            @Nullable Integer version) {
        Report report = jdbc.sql("select * from outreach_report where municipality_id = :m and id = :id")
            .param("m", Tenancy.require())
            .param("id", id)
            .query(OutreachReports::report)
            .optional()
            .orElseThrow(NotFoundException::new);
        if (version != null && version != report.version()) {
            throw new StaleVersionException();
        }
        boolean legal = switch (report.status()) {
            case REPORTED -> to != OutreachStatus.REPORTED;
            case CONTACTED -> to == OutreachStatus.FILE_OPENED || to == OutreachStatus.CLOSED;
            case FILE_OPENED, CLOSED -> false;
        };
        if (!legal) {
            throw new ConflictException("signals.outreach.transition.illegal");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 1000) {
            throw new InvalidInputException("note", "field.tooLong");
        }
        if (to == OutreachStatus.CLOSED && text == null) {
            throw new InvalidInputException("note", "signals.outreach.note.required");
        }
        if (to == OutreachStatus.FILE_OPENED && (personId == null || residents.find(personId).isEmpty())) {
            throw new InvalidInputException("personId", "signals.outreach.person.required");
        }
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                update outreach_report set status = :to, outcome_note = coalesce(:note, outcome_note),
                    person_id = coalesce(:person, person_id), version = version + 1
                where municipality_id = :m and id = :id""")
            .param("to", to.name())
            .param("note", text)
            .param("person", to == OutreachStatus.FILE_OPENED ? personId : null)
            .param("m", Tenancy.require())
            .param("id", id)
            .update();
        jdbc.sql("""
                update signal set status = 'RESOLVED', resolved_by_itself = true, closed_on = :today,
                    snoozed_until = null, version = version + 1
                where municipality_id = :m and outreach_report_id = :id and status in ('OPEN', 'ACKNOWLEDGED')""")
            .param("today", today)
            .param("m", Tenancy.require())
            .param("id", id)
            .update();
        return find(user, id).orElseThrow(NotFoundException::new);
    }

    static Report report(ResultSet rs, int row) throws SQLException {
        return new Report(rs.getObject("id", UUID.class), rs.getString("description"), rs.getString("contact"),
                rs.getBoolean("agreed_to_contact"), OutreachStatus.valueOf(rs.getString("status")),
                rs.getString("outcome_note"), rs.getObject("person_id", UUID.class),
                rs.getObject("reported_by", UUID.class), rs.getString("reported_by_role"),
                rs.getObject("partner_id", UUID.class), rs.getObject("reported_on", LocalDate.class),
                rs.getInt("version"));
    }

}
