package nl.meedoen.trajectories.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.law.NationalRules;
import nl.meedoen.law.RuleCode;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.trajectories.ExamOutcome;
import nl.meedoen.trajectories.ExamPart;
import nl.meedoen.trajectories.ExamResultRecorded;
import nl.meedoen.trajectories.ExemptPart;
import nl.meedoen.trajectories.LearningRoute;
import nl.meedoen.trajectories.LessonHours;
import nl.meedoen.trajectories.RouteSteppedDown;
import nl.meedoen.trajectories.RevisionReason;
import nl.meedoen.trajectories.RouteSwitched;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The learning route after the PIP: a route switch within the switch window and the
 * step-down from B1 to A2 after the legal NT2 lesson hours (each a revision of the PIP),
 * the Z-route's course and participation hours, the MAP (practical hours, themes, final
 * interview; not in the onderwijsroute) and the exam results per part.
 */
@Service
public class LearningRoutes {

    /** A route switch or step-down. */
    public record RouteChange(UUID id, String kind, LocalDate changedOn, LearningRoute fromRoute, LearningRoute toRoute,
            @Nullable String toLevel, String reason) {
    }

    /** One exam part taken. */
    public record Exam(UUID id, ExamPart part, @Nullable String level, ExamOutcome result, LocalDate takenOn) {
    }

    /** The route's progress: everything the learning-route page and API show. */
    public record Progress(LearningRoute route, @Nullable String level, LocalDate integrationPeriodStart,
            LocalDate integrationPeriodEnd, LocalDate routeSwitchDeadline, @Nullable LocalDate pipRevisedOn,
            BigDecimal lessonHours, BigDecimal zCourseHours, BigDecimal zParticipationHours,
            @Nullable LocalDate zInterviewOn, BigDecimal mapPracticalHours, int mapThemesDone,
            @Nullable LocalDate mapInterviewOn, List<RouteChange> changes, List<Exam> exams,
            Set<ExemptPart> exemptParts) {

        /**
         * MAP belongs to the B1 and Z routes, not to the onderwijsroute, and not when DUO
         * exempted it.
         */
        public boolean mapApplies() {
            return route != LearningRoute.ONDERWIJS && !exemptParts.contains(ExemptPart.MAP);
        }
    }

    /**
     * What a caseworker enters for the Z-route and the MAP; a null value leaves the
     * stored one.
     */
    public record Hours(@Nullable BigDecimal zCourseHours, @Nullable BigDecimal zParticipationHours,
            @Nullable LocalDate zInterviewOn, @Nullable BigDecimal mapPracticalHours, @Nullable Integer mapThemesDone,
            @Nullable LocalDate mapInterviewOn) {
    }

    record Row(LearningRoute route, @Nullable String routeLevel, LocalDate integrationPeriodStart,
            LocalDate integrationPeriodEnd, LocalDate routeSwitchDeadline, @Nullable LocalDate pipRevisedOn,
            BigDecimal zCourseHours, BigDecimal zParticipationHours, @Nullable LocalDate zInterviewOn,
            BigDecimal mapPracticalHours, int mapThemesDone, @Nullable LocalDate mapInterviewOn) {
    }

    private static final BigDecimal MAXIMUM_HOURS = BigDecimal.valueOf(10_000);

    private final TrajectoryRecords records;

    private final LessonHours lessonHours;

    private final Exemptions exemptions;

    private final NationalRules law;

    private final IntegrationDuties duties;

    LearningRoutes(TrajectoryRecords records, LessonHours lessonHours, Exemptions exemptions, NationalRules law,
            IntegrationDuties duties) {
        this.records = records;
        this.law = law;
        this.duties = duties;
        this.lessonHours = lessonHours;
        this.exemptions = exemptions;
    }

    /**
     * The route's progress once the PIP is adopted (404-free: empty before).
     */
    @Transactional(readOnly = true)
    public Optional<Progress> find(UUID personId) {
        records.person(personId);
        return row(personId, false).map(r -> progress(personId, r));
    }

    /**
     * Switches the route on {@code on}, within the switch window (from the start of the
     * integration period to its deadline), and revises the PIP on that date.
     */
    @Transactional
    public Progress switchRoute(UUID personId, @Nullable LearningRoute to, @Nullable LocalDate on,
            @Nullable String reason) {
        records.person(personId);
        requireChange(to == null ? "to" : null, on, reason);
        Row row = adopted(personId);
        if (row.route() == to) {
            throw new ConflictException("trajectories.route.same");
        }
        withinPeriod(on, row);
        if (on.isAfter(row.routeSwitchDeadline())) {
            throw new ConflictException("trajectories.route.switchWindowClosed", row.routeSwitchDeadline());
        }
        String level = to == LearningRoute.B1 ? "B1" : null;
        insertChange(personId, "SWITCH", on, row.route(), to, level, reason);
        duties.recordRevision(personId, on, to, RevisionReason.ROUTE_SWITCH);
        records.sql("""
                update integration_duty set route = :route, route_level = :level, pip_revised_on = :on,
                    version = version + 1, updated_at = now()
                where municipality_id = :m and person_id = :p""")
            .param("route", to.name())
            .param("level", level)
            .param("on", on)
            .param("p", personId)
            .update();
        records.changed(personId, new RouteSwitched(Tenancy.require(), personId, row.route(), to, on));
        return progress(personId, row(personId, false).orElseThrow());
    }

    /**
     * Steps the B1 route down to A2, only after the municipality's NT2 lesson hours, and
     * revises the PIP.
     */
    @Transactional
    public Progress stepDown(UUID personId, @Nullable LocalDate on, @Nullable String reason) {
        records.person(personId);
        requireChange(null, on, reason);
        Row row = adopted(personId);
        if (row.route() != LearningRoute.B1) {
            throw new ConflictException("trajectories.route.stepDownB1Only");
        }
        if ("A2".equals(row.routeLevel())) {
            throw new ConflictException("trajectories.route.alreadySteppedDown");
        }
        withinPeriod(on, row);
        BigDecimal hours = lessonHours.total(personId);
        int required = law.rule(RuleCode.STEP_DOWN_LESSON_HOURS, on).value();
        if (hours.compareTo(BigDecimal.valueOf(required)) < 0) {
            throw new ConflictException("trajectories.route.stepDownHours", required, hours);
        }
        insertChange(personId, "STEP_DOWN", on, LearningRoute.B1, LearningRoute.B1, "A2", reason);
        duties.recordRevision(personId, on, LearningRoute.B1, RevisionReason.STEP_DOWN);
        records.sql("""
                update integration_duty set route_level = 'A2', pip_revised_on = :on, version = version + 1,
                    updated_at = now()
                where municipality_id = :m and person_id = :p""").param("on", on).param("p", personId).update();
        records.changed(personId, new RouteSteppedDown(Tenancy.require(), personId, on, hours));
        return progress(personId, row(personId, false).orElseThrow());
    }

    /**
     * Records the Z-route hours (Z-route only) and the MAP (not in the onderwijsroute,
     * not when exempt).
     */
    @Transactional
    public Progress recordHours(UUID personId, Hours hours) {
        records.person(personId);
        Row row = adopted(personId);
        LocalDate today = records.today();
        List<FieldError> errors = new ArrayList<>();
        hoursInRange(errors, "zCourseHours", hours.zCourseHours());
        hoursInRange(errors, "zParticipationHours", hours.zParticipationHours());
        hoursInRange(errors, "mapPracticalHours", hours.mapPracticalHours());
        if (hours.mapThemesDone() != null && (hours.mapThemesDone() < 0 || hours.mapThemesDone() > 8)) {
            errors.add(new FieldError("mapThemesDone", "trajectories.route.mapThemes"));
        }
        if (hours.zInterviewOn() != null && hours.zInterviewOn().isAfter(today)) {
            errors.add(new FieldError("zInterviewOn", "date.future"));
        }
        if (hours.mapInterviewOn() != null && hours.mapInterviewOn().isAfter(today)) {
            errors.add(new FieldError("mapInterviewOn", "date.future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean zGiven = hours.zCourseHours() != null || hours.zParticipationHours() != null
                || hours.zInterviewOn() != null;
        if (zGiven && row.route() != LearningRoute.Z) {
            throw new ConflictException("trajectories.route.zOnly");
        }
        boolean mapGiven = hours.mapPracticalHours() != null || hours.mapThemesDone() != null
                || hours.mapInterviewOn() != null;
        Progress before = progress(personId, row);
        if (mapGiven && !before.mapApplies()) {
            throw new ConflictException(row.route() == LearningRoute.ONDERWIJS ? "trajectories.route.noMapInOnderwijs"
                    : "trajectories.route.mapExempt");
        }
        records.sql("""
                update integration_duty set z_course_hours = coalesce(:zc, z_course_hours),
                    z_participation_hours = coalesce(:zp, z_participation_hours),
                    z_interview_on = coalesce(:zi, z_interview_on),
                    map_practical_hours = coalesce(:mh, map_practical_hours),
                    map_themes_done = coalesce(:mt, map_themes_done),
                    map_interview_on = coalesce(:mi, map_interview_on), version = version + 1, updated_at = now()
                where municipality_id = :m and person_id = :p""")
            .param("zc", hours.zCourseHours())
            .param("zp", hours.zParticipationHours())
            .param("zi", hours.zInterviewOn())
            .param("mh", hours.mapPracticalHours())
            .param("mt", hours.mapThemesDone())
            .param("mi", hours.mapInterviewOn())
            .param("p", personId)
            .update();
        records.changed(personId);
        return progress(personId, row(personId, false).orElseThrow());
    }

    /** Records one exam part; KNM has no level; a part DUO exempted is not examined. */
    @Transactional
    public Exam recordExam(UUID personId, @Nullable ExamPart part, @Nullable String level, @Nullable ExamOutcome result,
            @Nullable LocalDate takenOn) {
        records.person(personId);
        List<FieldError> errors = new ArrayList<>();
        if (part == null) {
            errors.add(new FieldError("part", "trajectories.exam.part.required"));
        }
        if (result == null) {
            errors.add(new FieldError("result", "trajectories.exam.result.required"));
        }
        if (takenOn == null) {
            errors.add(new FieldError("takenOn", "trajectories.exam.takenOn.required"));
        }
        else if (takenOn.isAfter(records.today())) {
            errors.add(new FieldError("takenOn", "date.future"));
        }
        String normalisedLevel = level == null || level.isBlank() ? null : level.strip().toUpperCase(Locale.ROOT);
        if (normalisedLevel != null && !List.of("A1", "A2", "B1", "B2").contains(normalisedLevel)) {
            errors.add(new FieldError("level", "trajectories.exam.level"));
        }
        if (part == ExamPart.KNM && normalisedLevel != null) {
            errors.add(new FieldError("level", "trajectories.exam.knmNoLevel"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Set<ExemptPart> exempt = exemptions.parts(personId);
        if (part == ExamPart.KNM ? exempt.contains(ExemptPart.KNM) : exempt.contains(ExemptPart.LEARNING_ROUTE)) {
            throw new ConflictException("trajectories.exam.exempt");
        }
        Exam exam = new Exam(UUID.randomUUID(), part, normalisedLevel, result, takenOn);
        records.sql("""
                insert into exam_result (id, municipality_id, person_id, part, level, result, taken_on)
                values (:id, :m, :p, :part, :level, :result, :on)""")
            .param("id", exam.id())
            .param("p", personId)
            .param("part", part.name())
            .param("level", normalisedLevel)
            .param("result", result.name())
            .param("on", takenOn)
            .update();
        records.changed(personId, new ExamResultRecorded(Tenancy.require(), personId, part, result, takenOn));
        return exam;
    }

    private Progress progress(UUID personId, Row row) {
        List<RouteChange> changes = records.sql("""
                select id, kind, changed_on, from_route, to_route, to_level, reason from route_change
                where municipality_id = :m and person_id = :p order by changed_on, created_at""")
            .param("p", personId)
            .query(RouteChange.class)
            .list();
        List<Exam> exams = records.sql("""
                select id, part, level, result, taken_on from exam_result
                where municipality_id = :m and person_id = :p order by taken_on, part""")
            .param("p", personId)
            .query(Exam.class)
            .list();
        String level = row.route() == LearningRoute.B1 ? (row.routeLevel() == null ? "B1" : row.routeLevel()) : null;
        return new Progress(row.route(), level, row.integrationPeriodStart(), row.integrationPeriodEnd(),
                row.routeSwitchDeadline(), row.pipRevisedOn(), lessonHours.total(personId), row.zCourseHours(),
                row.zParticipationHours(), row.zInterviewOn(), row.mapPracticalHours(), row.mapThemesDone(),
                row.mapInterviewOn(), changes, exams, exemptions.parts(personId));
    }

    private Row adopted(UUID personId) {
        return row(personId, true).orElseThrow(() -> new ConflictException("trajectories.route.noPlan"));
    }

    private Optional<Row> row(UUID personId, boolean forUpdate) {
        return records
            .sql("""
                    select route, route_level, integration_period_start, integration_period_end, route_switch_deadline,
                        pip_revised_on, z_course_hours, z_participation_hours, z_interview_on, map_practical_hours,
                        map_themes_done, map_interview_on
                    from integration_duty where municipality_id = :m and person_id = :p and route is not null"""
                    + TrajectoryRecords.lock(forUpdate))
            .param("p", personId)
            .query(Row.class)
            .optional();
    }

    private void insertChange(UUID personId, String kind, LocalDate on, LearningRoute from, LearningRoute to,
            @Nullable String level, String reason) {
        records.sql("""
                insert into route_change (id, municipality_id, person_id, kind, changed_on, from_route, to_route,
                    to_level, reason, recorded_by)
                values (:id, :m, :p, :kind, :on, :from, :to, :level, :reason, :by)""")
            .param("id", UUID.randomUUID())
            .param("p", personId)
            .param("kind", kind)
            .param("on", on)
            .param("from", from.name())
            .param("to", to.name())
            .param("level", level)
            .param("reason", reason.strip())
            .param("by", CurrentUser.current().map(CurrentUser::id).orElse(null))
            .update();
    }

    private static void requireChange(@Nullable String missingField, @Nullable LocalDate on, @Nullable String reason) {
        List<FieldError> errors = new ArrayList<>();
        if (missingField != null) {
            errors.add(new FieldError(missingField, "trajectories.route.to.required"));
        }
        if (on == null) {
            errors.add(new FieldError("on", "trajectories.route.on.required"));
        }
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "trajectories.route.reason.required"));
        }
        else if (reason.length() > 1000) {
            errors.add(new FieldError("reason", "field.tooLong"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void withinPeriod(LocalDate on, Row row) {
        if (on.isBefore(row.integrationPeriodStart())) {
            throw new InvalidInputException("on", "trajectories.route.beforePeriod");
        }
        if (on.isAfter(row.integrationPeriodEnd())) {
            throw new InvalidInputException("on", "trajectories.route.afterPeriod");
        }
    }

    private static void hoursInRange(List<FieldError> errors, String field, @Nullable BigDecimal hours) {
        if (hours != null && (hours.signum() < 0 || hours.compareTo(MAXIMUM_HOURS) > 0
                || hours.stripTrailingZeros().scale() > 1)) {
            errors.add(new FieldError(field, "trajectories.route.hours"));
        }
    }

}
