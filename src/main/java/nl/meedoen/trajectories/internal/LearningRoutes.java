package nl.meedoen.trajectories.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
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
import nl.meedoen.trajectories.MapTheme;
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

    /**
     * A route switch or step-down; a step-down names its exam parts and the lesson and
     * classroom hours it rests on (none for step-downs recorded before the hours were).
     */
    public record RouteChange(UUID id, String kind, LocalDate changedOn, LearningRoute fromRoute, LearningRoute toRoute,
            @Nullable String toLevel, String reason, List<ExamPart> parts, @Nullable BigDecimal lessonHours,
            @Nullable BigDecimal classroomHours) {
    }

    /** The exam parts that have a language level and can step down from B1 to A2. */
    public static final Set<ExamPart> LEVELLED_PARTS = Set.of(ExamPart.READING, ExamPart.LISTENING, ExamPart.WRITING,
            ExamPart.SPEAKING);

    /** One exam part taken. */
    public record Exam(UUID id, ExamPart part, @Nullable String level, ExamOutcome result, LocalDate takenOn) {
    }

    /** The route's progress: everything the learning-route page and API show. */
    public record Progress(LearningRoute route, @Nullable String level, LocalDate integrationPeriodStart,
            LocalDate integrationPeriodEnd, LocalDate routeSwitchDeadline, @Nullable LocalDate pipRevisedOn,
            BigDecimal lessonHours, BigDecimal zCourseHours, BigDecimal zParticipationHours,
            @Nullable LocalDate zInterviewOn, BigDecimal mapPracticalHours, Set<MapTheme> mapThemes,
            @Nullable LocalDate mapInterviewOn, List<RouteChange> changes, List<Exam> exams,
            Set<ExemptPart> exemptParts, @Nullable LocalDate onderwijsCompletedOn) {

        /** The number of MAP themes done. */
        public int mapThemesDone() {
            return mapThemes.size();
        }

        /**
         * The exam parts stepped down from B1 to A2, in the order of {@link ExamPart}.
         */
        public Set<ExamPart> steppedDownParts() {
            Set<ExamPart> parts = EnumSet.noneOf(ExamPart.class);
            changes.stream().filter(c -> "STEP_DOWN".equals(c.kind())).forEach(c -> parts.addAll(c.parts()));
            return parts;
        }

        /** The level of one exam part: A2 once stepped down, else the route's level. */
        public @Nullable String levelOf(ExamPart part) {
            if (part == ExamPart.KNM || route != LearningRoute.B1) {
                return null;
            }
            return steppedDownParts().contains(part) ? "A2" : "B1";
        }

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
            @Nullable LocalDate zInterviewOn, @Nullable BigDecimal mapPracticalHours,
            @Nullable Collection<MapTheme> mapThemes, @Nullable LocalDate mapInterviewOn,
            @Nullable LocalDate onderwijsCompletedOn) {
    }

    /**
     * A step-down: the exam parts (none given: all four levelled parts), the date, the
     * reason and the NT2 lesson hours with the classroom hours among them (lesson hours
     * not given: the recorded total).
     */
    public record StepDown(@Nullable Collection<ExamPart> parts, @Nullable LocalDate on, @Nullable String reason,
            @Nullable BigDecimal lessonHours, @Nullable BigDecimal classroomHours) {
    }

    record Row(LearningRoute route, @Nullable String routeLevel, LocalDate integrationPeriodStart,
            LocalDate integrationPeriodEnd, LocalDate routeSwitchDeadline, @Nullable LocalDate pipRevisedOn,
            BigDecimal zCourseHours, BigDecimal zParticipationHours, @Nullable LocalDate zInterviewOn,
            BigDecimal mapPracticalHours, String mapThemes, @Nullable LocalDate mapInterviewOn,
            @Nullable LocalDate onderwijsCompletedOn) {
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

    /** The route's progress once the PIP is adopted (404-free: empty before). */
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
            @Nullable String reason, @Nullable Integer version) {
        records.person(personId);
        TrajectoryVersions.expect(records, TrajectoryVersions.Part.INTEGRATION_DUTY, personId, version);
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
     * Steps exam parts of the B1 route down to A2, only after the national rule set's NT2
     * lesson hours with at least its share of classroom hours, and revises the PIP; the
     * route's level is A2 once all four levelled parts are stepped down.
     */
    @Transactional
    public Progress stepDown(UUID personId, StepDown request, @Nullable Integer version) {
        records.person(personId);
        TrajectoryVersions.expect(records, TrajectoryVersions.Part.INTEGRATION_DUTY, personId, version);
        requireChange(null, request.on(), request.reason());
        LocalDate on = request.on();
        List<FieldError> errors = new ArrayList<>();
        Set<ExamPart> parts = EnumSet.noneOf(ExamPart.class);
        if (request.parts() == null || request.parts().isEmpty()) {
            parts.addAll(LEVELLED_PARTS);
        }
        else {
            parts.addAll(request.parts());
        }
        if (!LEVELLED_PARTS.containsAll(parts)) {
            errors.add(new FieldError("parts", "trajectories.route.stepDownParts"));
        }
        hoursInRange(errors, "lessonHours", request.lessonHours());
        hoursInRange(errors, "classroomHours", request.classroomHours());
        BigDecimal classroom = request.classroomHours();
        if (request.parts() != null && !request.parts().isEmpty() && classroom == null) {
            errors.add(new FieldError("classroomHours", "trajectories.route.classroomHours.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Row row = adopted(personId);
        if (row.route() != LearningRoute.B1) {
            throw new ConflictException("trajectories.route.stepDownB1Only");
        }
        Progress before = progress(personId, row);
        if ("A2".equals(row.routeLevel()) || parts.stream().anyMatch(before.steppedDownParts()::contains)) {
            throw new ConflictException("trajectories.route.alreadySteppedDown");
        }
        withinPeriod(on, row);
        int required = law.rule(RuleCode.STEP_DOWN_LESSON_HOURS, on).value();
        BigDecimal hours = request.lessonHours() == null ? lessonHours.total(personId) : request.lessonHours();
        if (hours.compareTo(BigDecimal.valueOf(required)) < 0) {
            if (request.lessonHours() == null) {
                throw new ConflictException("trajectories.route.stepDownHours", required, hours);
            }
            throw new InvalidInputException("lessonHours", "trajectories.route.stepDownLessonHours");
        }
        if (classroom != null) {
            int percent = law.rule(RuleCode.STEP_DOWN_CLASSROOM_PERCENT, on).value();
            if (classroom.compareTo(hours) > 0) {
                throw new InvalidInputException("classroomHours", "trajectories.route.classroomHours.moreThanLessons");
            }
            if (classroom.multiply(BigDecimal.valueOf(100))
                .compareTo(hours.multiply(BigDecimal.valueOf(percent))) < 0) {
                throw new InvalidInputException("classroomHours", "trajectories.route.stepDownClassroom");
            }
        }
        UUID change = insertChange(personId, "STEP_DOWN", on, LearningRoute.B1, LearningRoute.B1, "A2",
                request.reason());
        records.sql("""
                update route_change set parts = string_to_array(cast(:parts as text), ','), lesson_hours = :hours,
                    classroom_hours = :classroom
                where municipality_id = :m and id = :id""")
            .param("parts", String.join(",", parts.stream().map(Enum::name).toList()))
            .param("hours", hours)
            .param("classroom", classroom)
            .param("id", change)
            .update();
        duties.recordRevision(personId, on, LearningRoute.B1, RevisionReason.STEP_DOWN);
        Set<ExamPart> all = EnumSet.copyOf(parts);
        all.addAll(before.steppedDownParts());
        records.sql("""
                update integration_duty set route_level = case when :all then 'A2' else route_level end,
                    pip_revised_on = :on, version = version + 1, updated_at = now()
                where municipality_id = :m and person_id = :p""")
            .param("all", all.containsAll(LEVELLED_PARTS))
            .param("on", on)
            .param("p", personId)
            .update();
        records.changed(personId, new RouteSteppedDown(Tenancy.require(), personId, on, hours));
        return progress(personId, row(personId, false).orElseThrow());
    }

    /**
     * Records the Z-route hours (Z-route only) and the MAP (not in the onderwijsroute,
     * not when exempt).
     */
    @Transactional
    public Progress recordHours(UUID personId, Hours hours, @Nullable Integer version) {
        records.person(personId);
        Row row = adopted(personId);
        LocalDate today = records.today();
        List<FieldError> errors = new ArrayList<>();
        hoursInRange(errors, "zCourseHours", hours.zCourseHours());
        hoursInRange(errors, "zParticipationHours", hours.zParticipationHours());
        hoursInRange(errors, "mapPracticalHours", hours.mapPracticalHours());
        if (hours.mapThemes() != null && hours.mapThemes().stream().anyMatch(Objects::isNull)) {
            errors.add(new FieldError("mapThemes", "trajectories.route.mapThemes"));
        }
        if (hours.zInterviewOn() != null && hours.zInterviewOn().isAfter(today)) {
            errors.add(new FieldError("zInterviewOn", "date.future"));
        }
        if (hours.mapInterviewOn() != null && hours.mapInterviewOn().isAfter(today)) {
            errors.add(new FieldError("mapInterviewOn", "date.future"));
        }
        if (hours.onderwijsCompletedOn() != null && hours.onderwijsCompletedOn().isAfter(today)) {
            errors.add(new FieldError("onderwijsCompletedOn", "date.future"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean zGiven = hours.zCourseHours() != null || hours.zParticipationHours() != null
                || hours.zInterviewOn() != null;
        if (zGiven && row.route() != LearningRoute.Z) {
            throw new ConflictException("trajectories.route.zOnly");
        }
        if (hours.onderwijsCompletedOn() != null && row.route() != LearningRoute.ONDERWIJS) {
            throw new ConflictException("trajectories.route.onderwijsOnly");
        }
        boolean mapGiven = hours.mapPracticalHours() != null || hours.mapThemes() != null
                || hours.mapInterviewOn() != null;
        Progress before = progress(personId, row);
        if (mapGiven && !before.mapApplies()) {
            throw new ConflictException(row.route() == LearningRoute.ONDERWIJS ? "trajectories.route.noMapInOnderwijs"
                    : "trajectories.route.mapExempt");
        }
        TrajectoryVersions.expect(records, TrajectoryVersions.Part.INTEGRATION_DUTY, personId, version);
        records.sql("""
                update integration_duty set z_course_hours = coalesce(:zc, z_course_hours),
                    z_participation_hours = coalesce(:zp, z_participation_hours),
                    z_interview_on = coalesce(:zi, z_interview_on),
                    map_practical_hours = coalesce(:mh, map_practical_hours),
                    map_themes = coalesce(string_to_array(cast(:mt as text), ','), map_themes),
                    map_themes_done = coalesce(cardinality(string_to_array(cast(:mt as text), ',')),
                        map_themes_done),
                    map_interview_on = coalesce(:mi, map_interview_on),
                    onderwijs_completed_on = coalesce(:oc, onderwijs_completed_on), version = version + 1,
                    updated_at = now()
                where municipality_id = :m and person_id = :p""")
            .param("zc", hours.zCourseHours())
            .param("zp", hours.zParticipationHours())
            .param("zi", hours.zInterviewOn())
            .param("mh", hours.mapPracticalHours())
            .param("mt",
                    hours.mapThemes() == null ? null
                            : String.join(",", hours.mapThemes().stream().distinct().sorted().map(Enum::name).toList()))
            .param("mi", hours.mapInterviewOn())
            .param("oc", hours.onderwijsCompletedOn())
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
                select id, kind, changed_on, from_route, to_route, to_level, reason,
                    coalesce(array_to_string(parts, ','), '') as parts, lesson_hours, classroom_hours
                from route_change
                where municipality_id = :m and person_id = :p order by changed_on, created_at""")
            .param("p", personId)
            .query((rs, n) -> new RouteChange(rs.getObject("id", UUID.class), rs.getString("kind"),
                    rs.getObject("changed_on", LocalDate.class), LearningRoute.valueOf(rs.getString("from_route")),
                    LearningRoute.valueOf(rs.getString("to_route")), rs.getString("to_level"), rs.getString("reason"),
                    codes(rs.getString("parts"), ExamPart.class), rs.getBigDecimal("lesson_hours"),
                    rs.getBigDecimal("classroom_hours")))
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
                row.zParticipationHours(), row.zInterviewOn(), row.mapPracticalHours(),
                Set.copyOf(codes(row.mapThemes(), MapTheme.class)), row.mapInterviewOn(), changes, exams,
                exemptions.parts(personId), row.onderwijsCompletedOn());
    }

    private Row adopted(UUID personId) {
        return row(personId, true).orElseThrow(() -> new ConflictException("trajectories.route.noPlan"));
    }

    private Optional<Row> row(UUID personId, boolean forUpdate) {
        return records
            .sql("""
                    select route, route_level, integration_period_start, integration_period_end, route_switch_deadline,
                        pip_revised_on, z_course_hours, z_participation_hours, z_interview_on, map_practical_hours,
                        array_to_string(map_themes, ',') as map_themes, map_interview_on, onderwijs_completed_on
                    from integration_duty where municipality_id = :m and person_id = :p and route is not null"""
                    + TrajectoryRecords.lock(forUpdate))
            .param("p", personId)
            .query(Row.class)
            .optional();
    }

    private static <E extends Enum<E>> List<E> codes(@Nullable String joined, Class<E> type) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",")).map(code -> Enum.valueOf(type, code)).sorted().toList();
    }

    private UUID insertChange(UUID personId, String kind, LocalDate on, LearningRoute from, LearningRoute to,
            @Nullable String level, String reason) {
        UUID id = UUID.randomUUID();
        records.sql("""
                insert into route_change (id, municipality_id, person_id, kind, changed_on, from_route, to_route,
                    to_level, reason, recorded_by)
                values (:id, :m, :p, :kind, :on, :from, :to, :level, :reason, :by)""")
            .param("id", id)
            .param("p", personId)
            .param("kind", kind)
            .param("on", on)
            .param("from", from.name())
            .param("to", to.name())
            .param("level", level)
            .param("reason", reason.strip())
            .param("by", CurrentUser.current().map(CurrentUser::id).orElse(null))
            .update();
        return id;
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
