package nl.meedoen.exchange.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.exchange.PartnerAbsenceReported;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.plans.LanguageLevel;
import nl.meedoen.plans.PartnerLanguageReports;
import nl.meedoen.plans.Skill;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.provisions.Provisions;
import nl.meedoen.referrals.PartnerReferrals;
import nl.meedoen.referrals.PartnerReferrals.ActiveReferral;
import nl.meedoen.trajectories.ExamOutcome;
import nl.meedoen.trajectories.ExamPart;
import nl.meedoen.trajectories.ExamResults;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a partner organisation reports for a person referred to it, each kind landing
 * where it belongs: attendance per session here, lesson hours and progress-test levels in
 * the plan's language progress (and from there the trajectory's 600-hour rule), exam
 * results in the trajectory. A report on a referral that is not an active one of the
 * partner user's own organisation is not found. Every report is logged as a processing by
 * that partner, in the transaction that stores it; bad input stores nothing.
 */
@Service
public class PartnerReports {

    /** The kinds of report. */
    public enum Kind {

        ATTENDANCE, LESSON_HOURS, PROGRESS_TEST, EXAM_RESULT

    }

    /**
     * A report as it arrives: the fields of its kind are required, the others must be
     * absent.
     */
    public record Report(@Nullable UUID referralId, @Nullable Kind kind, @Nullable LocalDate date,
            @Nullable Boolean present, @Nullable Boolean notified, @Nullable BigDecimal classroomHours,
            @Nullable BigDecimal onlineHours, @Nullable LocalDate until, @Nullable Skill skill,
            @Nullable LanguageLevel level, @Nullable ExamPart part, @Nullable Boolean passed) {
    }

    /** What was stored: the report's id, the referral and the person it is about. */
    public record Stored(UUID id, UUID referralId, UUID personId, Kind kind) {
    }

    private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(1000);

    private final PartnerReferrals referrals;

    private final PartnerLanguageReports language;

    private final ExamResults exams;

    private final Provisions provisions;

    private final AuditLog audit;

    private final JdbcClient jdbc;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    PartnerReports(PartnerReferrals referrals, PartnerLanguageReports language, ExamResults exams,
            Provisions provisions, AuditLog audit, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.referrals = referrals;
        this.language = language;
        this.exams = exams;
        this.provisions = provisions;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Stored report(Report report) {
        CurrentUser user = CurrentUser.current().orElseThrow(() -> new AccessDeniedException("not logged in"));
        List<FieldError> errors = problems(report);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ActiveReferral referral = referral(java.util.Objects.requireNonNull(report.referralId()))
            .orElseThrow(NotFoundException::new);
        Stored stored = store(report, referral, user);
        if (absentWithoutNotice(report)) {
            events.publishEvent(new PartnerAbsenceReported(Tenancy.require(), stored.personId()));
        }
        return stored;
    }

    /**
     * What is wrong with a report on its own, before its referral is looked at: a missing
     * referral or kind, a field its kind needs missing or out of range, a field of
     * another kind.
     */
    List<FieldError> problems(Report report) {
        List<FieldError> errors = new ArrayList<>();
        if (report.referralId() == null) {
            errors.add(new FieldError("referralId", "exchange.partnerReport.referralId.required"));
        }
        if (report.kind() == null) {
            errors.add(new FieldError("kind", "exchange.partnerReport.kind.required"));
        }
        else {
            checkFields(report, errors);
        }
        return errors;
    }

    /** The referral, when it is an active one of the partner user's own organisation. */
    Optional<ActiveReferral> referral(UUID referralId) {
        return referrals.activeForMyOrganisation(referralId);
    }

    static boolean absentWithoutNotice(Report report) {
        return report.kind() == Kind.ATTENDANCE && Boolean.FALSE.equals(report.present())
                && Boolean.FALSE.equals(report.notified());
    }

    /**
     * Stores a report that has no {@link #problems} on an active referral, logged as the
     * partner's processing in the caller's transaction.
     */
    Stored store(Report report, ActiveReferral referral, CurrentUser user) {
        UUID id = UUID.randomUUID();
        UUID person = referral.personId();
        switch (java.util.Objects.requireNonNull(report.kind())) {
            case ATTENDANCE -> jdbc.sql("""
                    insert into partner_attendance (id, municipality_id, referral_id, partner_id, person_id,
                        session_on, present, notified, reported_by)
                    values (:id, :m, :referral, :partner, :person, :on, :present, :notified, :by)""")
                .param("id", id)
                .param("m", Tenancy.require())
                .param("referral", referral.id())
                .param("partner", referral.partnerId())
                .param("person", person)
                .param("on", report.date())
                .param("present", report.present())
                .param("notified", Boolean.TRUE.equals(report.present()) ? null : report.notified())
                .param("by", user.id())
                .update();
            case LESSON_HOURS -> language.recordPartnerLessonHours(person, tenths(report.classroomHours()),
                    tenths(report.onlineHours()), report.until(), partnerName(referral));
            case PROGRESS_TEST -> language.recordPartnerLevel(person, report.skill(), report.level(), report.date());
            case EXAM_RESULT ->
                exams.recordExamResult(person, report.part(), report.level() == null ? null : report.level().name(),
                        Boolean.TRUE.equals(report.passed()) ? ExamOutcome.PASSED : ExamOutcome.FAILED, report.date());
        }
        audit.record(AuditAction.PARTNER_REPORT, person);
        return new Stored(id, referral.id(), person, report.kind());
    }

    /**
     * The fields each kind needs, present and in range; the other kinds' fields absent.
     */
    private void checkFields(Report r, List<FieldError> errors) {
        LocalDate today = LocalDate.now(clock);
        Kind kind = r.kind();
        boolean dated = kind != Kind.LESSON_HOURS;
        if (dated) {
            notFuture(r.date(), "date", today, errors);
        }
        else {
            absent(r.date(), "date", errors);
        }
        if (kind == Kind.ATTENDANCE) {
            required(r.present(), "present", errors);
            if (Boolean.TRUE.equals(r.present()) && r.notified() != null) {
                errors.add(new FieldError("notified", "exchange.partnerReport.notified.whenPresent"));
            }
            if (Boolean.FALSE.equals(r.present()) && r.notified() == null) {
                errors.add(new FieldError("notified", "exchange.partnerReport.notified.whenAbsent"));
            }
        }
        else {
            absent(r.present(), "present", errors);
            absent(r.notified(), "notified", errors);
        }
        if (kind == Kind.LESSON_HOURS) {
            hours(r.classroomHours(), "classroomHours", errors);
            hours(r.onlineHours(), "onlineHours", errors);
            if (r.classroomHours() != null && r.onlineHours() != null
                    && r.classroomHours().add(r.onlineHours()).signum() == 0) {
                errors.add(new FieldError("classroomHours", "exchange.partnerReport.hours.none"));
            }
            notFuture(r.until(), "until", today, errors);
        }
        else {
            absent(r.classroomHours(), "classroomHours", errors);
            absent(r.onlineHours(), "onlineHours", errors);
            absent(r.until(), "until", errors);
        }
        if (kind == Kind.PROGRESS_TEST) {
            required(r.skill(), "skill", errors);
            required(r.level(), "level", errors);
        }
        else {
            absent(r.skill(), "skill", errors);
        }
        if (kind == Kind.EXAM_RESULT) {
            required(r.part(), "part", errors);
            required(r.passed(), "passed", errors);
        }
        else {
            absent(r.part(), "part", errors);
            absent(r.passed(), "passed", errors);
        }
        if (kind == Kind.ATTENDANCE || kind == Kind.LESSON_HOURS) {
            absent(r.level(), "level", errors);
        }
    }

    /** Hours checked to have at most one decimal, written with exactly one. */
    private static BigDecimal tenths(@Nullable BigDecimal hours) {
        return java.util.Objects.requireNonNull(hours).setScale(1, java.math.RoundingMode.UNNECESSARY);
    }

    private static void hours(@Nullable BigDecimal value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "exchange.partnerReport.field.required"));
        }
        else if (value.signum() < 0 || value.compareTo(MAX_HOURS) > 0 || value.stripTrailingZeros().scale() > 1) {
            errors.add(new FieldError(field, "exchange.partnerReport.hours.range"));
        }
    }

    private static void notFuture(@Nullable LocalDate day, String field, LocalDate today, List<FieldError> errors) {
        if (day == null) {
            errors.add(new FieldError(field, "exchange.partnerReport.field.required"));
        }
        else if (day.isAfter(today)) {
            errors.add(new FieldError(field, "date.future"));
        }
    }

    private static void required(@Nullable Object value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "exchange.partnerReport.field.required"));
        }
    }

    private static void absent(@Nullable Object value, String field, List<FieldError> errors) {
        if (value != null) {
            errors.add(new FieldError(field, "exchange.partnerReport.field.notForKind"));
        }
    }

    private String partnerName(ActiveReferral referral) {
        return provisions.partner(referral.partnerId()).map(Provisions.Partner::name).orElse("partner");
    }

}
