package nl.meedoen.exchange.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.exchange.PartnerAbsenceReported;
import nl.meedoen.exchange.internal.PartnerReports.Kind;
import nl.meedoen.exchange.internal.PartnerReports.Report;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.UnprocessableException;
import nl.meedoen.referrals.PartnerReferrals.ActiveReferral;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner organisation's reports by CSV upload: the file is read and previewed (per
 * line OK, or the column and the reason of its first error) and kept until a partner user
 * of the same organisation confirms it, once. The confirmation judges the whole file
 * again and then reports every line through {@link PartnerReports}, as the API does, in
 * one transaction: a line that fails stores nothing of the file. A line on a referral
 * that is not an active one of the caller's organisation is an error that says no more
 * than that, whoever the referral is about; an upload of another organisation is not
 * found.
 */
@Service
public class PartnerUploads {

    public enum Outcome {

        OK, ERROR

    }

    public enum Status {

        PREVIEWED, CONFIRMED

    }

    /** The preview of one line. */
    public record LineOutcome(int line, @Nullable Kind kind, Outcome outcome, @Nullable String column,
            @Nullable String messageKey) {
    }

    /** What a confirmation stored, per kind. */
    public record Result(int attendance, int lessonHours, int progressTests, int examResults) {

        public int total() {
            return attendance + lessonHours + progressTests + examResults;
        }
    }

    /** An upload as its organisation sees it. */
    public record Preview(UUID id, int version, String fileName, Status status, List<LineOutcome> lines,
            @Nullable Result result) {

        public long errors() {
            return lines.stream().filter(l -> l.outcome() == Outcome.ERROR).count();
        }
    }

    /** An upload in the list of the organisation's uploads. */
    public record Summary(UUID id, String fileName, Status status, int lines, int errors, OffsetDateTime uploadedAt) {
    }

    /** At most this many bytes in one file. */
    public static final int MAX_BYTES = 2 * 1_048_576;

    private final PartnerReports reports;

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    PartnerUploads(PartnerReports reports, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The columns a file starts with, in order. */
    public static List<String> header() {
        return PartnerReportFile.HEADER;
    }

    /**
     * Reads and previews a file; nothing but the preview is written. A file that cannot
     * be read at all answers 400 (field {@code file}).
     */
    @Transactional
    public Preview upload(byte[] content, String fileName) {
        UUID partner = myPartner();
        if (content.length == 0) {
            throw new InvalidInputException("file", "exchange.coa.noFile");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidInputException("file", "exchange.partnerUpload.tooLarge");
        }
        PartnerReportFile.Parsed parsed = PartnerReportFile.parse(content);
        if (parsed.fileErrorKey() != null) {
            throw new InvalidInputException("file", parsed.fileErrorKey());
        }
        List<LineOutcome> lines = judge(parsed.lines(), new HashMap<>());
        UUID municipality = Tenancy.require();
        UUID id = UUID.randomUUID();
        String name = fileName.isBlank() ? "meldingen.csv" : fileName.strip();
        int errors = (int) lines.stream().filter(l -> l.outcome() == Outcome.ERROR).count();
        jdbc.sql("""
                insert into partner_upload (id, municipality_id, partner_id, uploaded_by, file_name, content,
                    lines_total, lines_error)
                values (:id, :m, :partner, :user, :name, :content, :total, :errors)""")
            .param("id", id)
            .param("m", municipality)
            .param("partner", partner)
            .param("user", CurrentUser.current().orElseThrow().id())
            .param("name", name.length() > 255 ? name.substring(0, 255) : name)
            .param("content", content)
            .param("total", lines.size())
            .param("errors", errors)
            .update();
        jdbc.sql(
                """
                        insert into partner_upload_line (municipality_id, upload_id, line, kind, outcome, column_name,
                            message_key)
                        select :m, :id, l.line, l.kind, l.outcome, l.column_name, l.message_key
                        from unnest(cast(:lines as integer[]), cast(:kinds as text[]), cast(:outcomes as text[]),
                            cast(:columns as text[]), cast(:keys as text[])) as l(line, kind, outcome, column_name, message_key)""")
            .param("m", municipality)
            .param("id", id)
            .param("lines", lines.stream().map(LineOutcome::line).toArray(Integer[]::new))
            .param("kinds", lines.stream().map(l -> l.kind() == null ? null : l.kind().name()).toArray(String[]::new))
            .param("outcomes", lines.stream().map(l -> l.outcome().name()).toArray(String[]::new))
            .param("columns", lines.stream().map(LineOutcome::column).toArray(String[]::new))
            .param("keys", lines.stream().map(LineOutcome::messageKey).toArray(String[]::new))
            .update();
        return new Preview(id, 0, name, Status.PREVIEWED, lines, null);
    }

    /** An upload of the caller's organisation; 404 for any other. */
    @Transactional(readOnly = true)
    public Preview find(UUID uploadId) {
        Stored stored = stored(uploadId, false);
        List<LineOutcome> lines = jdbc.sql("""
                select line, kind, outcome, column_name, message_key from partner_upload_line
                where municipality_id = :m and upload_id = :id order by line""")
            .param("m", Tenancy.require())
            .param("id", uploadId)
            .query((rs, n) -> new LineOutcome(rs.getInt("line"),
                    rs.getString("kind") == null ? null : Kind.valueOf(rs.getString("kind")),
                    Outcome.valueOf(rs.getString("outcome")), rs.getString("column_name"), rs.getString("message_key")))
            .list();
        return new Preview(uploadId, stored.version(), stored.fileName(), stored.status(), lines, stored.result());
    }

    /** The caller's organisation's latest uploads, newest first. */
    @Transactional(readOnly = true)
    public List<Summary> latest(int limit) {
        return jdbc.sql("""
                select id, file_name, status, lines_total, lines_error, uploaded_at from partner_upload
                where municipality_id = :m and partner_id = :partner order by uploaded_at desc limit :limit""")
            .param("m", Tenancy.require())
            .param("partner", myPartner())
            .param("limit", limit)
            .query((rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getString("file_name"),
                    Status.valueOf(rs.getString("status")), rs.getInt("lines_total"), rs.getInt("lines_error"),
                    rs.getObject("uploaded_at", OffsetDateTime.class)))
            .list();
    }

    /**
     * Confirms a previewed upload, once (409 after that), storing every line in this one
     * transaction. A file with errors is refused (422); a file whose lines no longer hold
     * (a referral ended since the preview) answers 409 and asks for a new upload; a line
     * the plan or trajectory refuses at this point rolls everything back and names its
     * line.
     */
    @Transactional
    public Result confirm(UUID uploadId, @Nullable Integer expectedVersion) {
        Stored stored = stored(uploadId, true);
        if (stored.status() == Status.CONFIRMED) {
            throw new ConflictException("exchange.partnerUpload.confirmedAlready");
        }
        if (expectedVersion != null && expectedVersion != stored.version()) {
            throw new StaleVersionException();
        }
        if (stored.linesError() > 0) {
            throw new UnprocessableException("exchange.import.hasErrors");
        }
        List<PartnerReportFile.Line> lines = PartnerReportFile.parse(Objects.requireNonNull(stored.content())).lines();
        Map<UUID, Optional<ActiveReferral>> referrals = new HashMap<>();
        if (judge(lines, referrals).stream().anyMatch(l -> l.outcome() == Outcome.ERROR)) {
            throw new ConflictException("exchange.partnerUpload.changedSincePreview");
        }
        CurrentUser user = CurrentUser.current().orElseThrow();
        Map<Kind, Integer> stored_ = new EnumMap<>(Kind.class);
        Set<UUID> absent = new LinkedHashSet<>();
        for (PartnerReportFile.Line line : lines) {
            Report report = line.report();
            ActiveReferral referral = referrals.get(report.referralId()).orElseThrow();
            try {
                reports.store(report, referral, user);
            }
            catch (RuntimeException ex) {
                throw CoaRowRules.failedAt(line.line(), ex);
            }
            stored_.merge(Objects.requireNonNull(report.kind()), 1, Integer::sum);
            if (PartnerReports.absentWithoutNotice(report)) {
                absent.add(referral.personId());
            }
        }
        Result result = new Result(stored_.getOrDefault(Kind.ATTENDANCE, 0), stored_.getOrDefault(Kind.LESSON_HOURS, 0),
                stored_.getOrDefault(Kind.PROGRESS_TEST, 0), stored_.getOrDefault(Kind.EXAM_RESULT, 0));
        int updated = jdbc.sql("""
                update partner_upload set status = 'CONFIRMED', content = null, confirmed_at = now(),
                    result = cast(:result as jsonb), version = version + 1
                where municipality_id = :m and id = :id and status = 'PREVIEWED'""")
            .param("result",
                    "{\"attendance\":%d,\"lessonHours\":%d,\"progressTests\":%d,\"examResults\":%d}".formatted(
                            result.attendance(), result.lessonHours(), result.progressTests(), result.examResults()))
            .param("m", Tenancy.require())
            .param("id", uploadId)
            .update();
        if (updated != 1) {
            throw new ConflictException("exchange.partnerUpload.confirmedAlready");
        }
        UUID municipality = Tenancy.require();
        absent.forEach(person -> events.publishEvent(new PartnerAbsenceReported(municipality, person)));
        return result;
    }

    /**
     * Each line judged: the first error of its cells, else of the report's rules, else of
     * its referral (not an active one of the caller's organisation), else an attendance
     * reported already for that referral and day (in this file or before).
     */
    private List<LineOutcome> judge(List<PartnerReportFile.Line> lines, Map<UUID, Optional<ActiveReferral>> referrals) {
        Map<UUID, Set<java.time.LocalDate>> attended = attendedDays(lines);
        List<LineOutcome> outcomes = new ArrayList<>(lines.size());
        for (PartnerReportFile.Line line : lines) {
            Report report = line.report();
            List<FieldError> errors = new ArrayList<>(line.errors());
            Set<String> columns = new HashSet<>();
            errors.forEach(e -> columns.add(e.field()));
            for (FieldError problem : reports.problems(report)) {
                String column = PartnerReportFile.column(problem.field());
                if (columns.add(column)) {
                    errors.add(new FieldError(column, problem.messageKey()));
                }
            }
            if (errors.isEmpty()) {
                UUID referralId = Objects.requireNonNull(report.referralId());
                if (referrals.computeIfAbsent(referralId, reports::referral).isEmpty()) {
                    errors.add(new FieldError("Verwijzing", "exchange.partnerUpload.referralUnknown"));
                }
                else if (report.kind() == Kind.ATTENDANCE
                        && !attended.computeIfAbsent(referralId, r -> new HashSet<>()).add(report.date())) {
                    errors.add(new FieldError("Datum", "exchange.partnerUpload.attendanceTwice"));
                }
            }
            FieldError first = errors.isEmpty() ? null : errors.get(0);
            outcomes.add(new LineOutcome(line.line(), report.kind(), first == null ? Outcome.OK : Outcome.ERROR,
                    first == null ? null : first.field(), first == null ? null : first.messageKey()));
        }
        return outcomes;
    }

    /** The days attendance is stored for already, per referral of the file. */
    private Map<UUID, Set<java.time.LocalDate>> attendedDays(List<PartnerReportFile.Line> lines) {
        String[] referrals = lines.stream()
            .map(l -> l.report().referralId())
            .filter(Objects::nonNull)
            .distinct()
            .map(UUID::toString)
            .toArray(String[]::new);
        Map<UUID, Set<java.time.LocalDate>> days = new HashMap<>();
        jdbc.sql("""
                select referral_id, session_on from partner_attendance
                where municipality_id = :m and partner_id = :partner and referral_id = any(cast(:ids as uuid[]))""")
            .param("m", Tenancy.require())
            .param("partner", myPartner())
            .param("ids", referrals)
            .query((rs, n) -> days.computeIfAbsent(rs.getObject(1, UUID.class), r -> new HashSet<>())
                .add(rs.getObject(2, java.time.LocalDate.class)))
            .list();
        return days;
    }

    private record Stored(String fileName, Status status, int version, int linesError, byte @Nullable [] content,
            @Nullable Result result) {
    }

    private Stored stored(UUID uploadId, boolean forUpdate) {
        return jdbc
            .sql("""
                    select file_name, status, version, lines_error, content,
                        (result ->> 'attendance')::int as attendance, (result ->> 'lessonHours')::int as hours,
                        (result ->> 'progressTests')::int as tests, (result ->> 'examResults')::int as exams
                    from partner_upload where municipality_id = :m and id = :id and partner_id = :partner"""
                    + (forUpdate ? " for update" : ""))
            .param("m", Tenancy.require())
            .param("id", uploadId)
            .param("partner", myPartner())
            .query((rs, n) -> new Stored(rs.getString("file_name"), Status.valueOf(rs.getString("status")),
                    rs.getInt("version"), rs.getInt("lines_error"), rs.getBytes("content"),
                    rs.getObject("attendance") == null ? null
                            : new Result(rs.getInt("attendance"), rs.getInt("hours"), rs.getInt("tests"),
                                    rs.getInt("exams"))))
            .optional()
            .orElseThrow(NotFoundException::new);
    }

    private static UUID myPartner() {
        CurrentUser user = CurrentUser.current().orElseThrow(() -> new AccessDeniedException("not logged in"));
        if (user.partnerId() == null) {
            throw new AccessDeniedException("not a partner user");
        }
        return user.partnerId();
    }

}
