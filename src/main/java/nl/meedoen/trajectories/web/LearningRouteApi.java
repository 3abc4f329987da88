package nl.meedoen.trajectories.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.trajectories.ExamOutcome;
import nl.meedoen.trajectories.ExamPart;
import nl.meedoen.trajectories.ExemptPart;
import nl.meedoen.trajectories.ExemptionKind;
import nl.meedoen.trajectories.LearningRoute;
import nl.meedoen.trajectories.MapTheme;
import nl.meedoen.trajectories.internal.Exemptions;
import nl.meedoen.trajectories.internal.Exemptions.Exemption;
import nl.meedoen.trajectories.internal.LearningRoutes;
import nl.meedoen.trajectories.internal.LearningRoutes.Exam;
import nl.meedoen.trajectories.internal.LearningRoutes.Hours;
import nl.meedoen.trajectories.internal.LearningRoutes.Progress;
import nl.meedoen.trajectories.internal.LearningRoutes.RouteChange;
import nl.meedoen.trajectories.internal.LearningRoutes.StepDown;
import nl.meedoen.trajectories.internal.TrajectoryVersions;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The learning route after the PIP over JSON: route switch, step-down to A2, Z-route and
 * MAP hours, exam results, and DUO's exemptions.
 */
@RestController
@RequestMapping("/api/v1/persons/{personId}")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
@Tag(name = "Learning route",
        description = "The learning route after the PIP: route switch, step-down, Z-route and MAP hours, exams and DUO's exemptions.")
class LearningRouteApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SwitchRequest(@Nullable LearningRoute to, @Nullable LocalDate on, @Nullable String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StepDownRequest(@Nullable List<ExamPart> parts, @Nullable LocalDate on, @Nullable String reason,
            @Nullable BigDecimal lessonHours, @Nullable BigDecimal classroomHours) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HoursRequest(@Nullable BigDecimal zCourseHours, @Nullable BigDecimal zParticipationHours,
            @Nullable LocalDate zInterviewOn, @Nullable BigDecimal mapPracticalHours,
            @Nullable List<MapTheme> mapThemes, @Nullable Integer mapThemesDone, @Nullable LocalDate mapInterviewOn,
            @Nullable LocalDate onderwijsCompletedOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ExamRequest(@Nullable ExamPart part, @Nullable String level, @Nullable ExamOutcome result,
            @Nullable LocalDate takenOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ExemptionRequest(@Nullable ExemptPart part, @Nullable ExemptionKind kind, @Nullable LocalDate decidedOn,
            @Nullable String ground) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProgressResource(String route, @Nullable String level, LocalDate integrationPeriodStart,
            LocalDate integrationPeriodEnd, LocalDate routeSwitchDeadline, @Nullable LocalDate pipRevisedOn,
            BigDecimal lessonHours, List<ExamPart> steppedDownParts, @Nullable ZRoute zRoute, @Nullable Map map,
            List<RouteChange> changes, List<Exam> exams, List<ExemptPart> exemptParts,
            @Nullable LocalDate onderwijsCompletedOn) {

        static ProgressResource of(Progress p) {
            return new ProgressResource(p.route().name(), p.level(), p.integrationPeriodStart(),
                    p.integrationPeriodEnd(), p.routeSwitchDeadline(), p.pipRevisedOn(), p.lessonHours(),
                    List.copyOf(p.steppedDownParts()),
                    p.route() == LearningRoute.Z
                            ? new ZRoute(p.zCourseHours(), p.zParticipationHours(), p.zInterviewOn()) : null,
                    p.mapApplies() ? new Map(p.mapPracticalHours(), List.copyOf(new TreeSet<>(p.mapThemes())),
                            p.mapThemesDone(), p.mapInterviewOn()) : null,
                    p.changes(), p.exams(), List.copyOf(p.exemptParts()), p.onderwijsCompletedOn());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ZRoute(BigDecimal courseHours, BigDecimal participationHours, @Nullable LocalDate finalInterviewOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Map(BigDecimal practicalHours, List<MapTheme> mapThemes, int themesDone,
            @Nullable LocalDate finalInterviewOn) {
    }

    record ExemptionList(List<Exemption> items) {
    }

    private final LearningRoutes routes;

    private final Exemptions exemptions;

    private final AuditLog audit;

    private final TrajectoryVersions versions;

    LearningRouteApi(LearningRoutes routes, Exemptions exemptions, AuditLog audit, TrajectoryVersions versions) {
        this.routes = routes;
        this.exemptions = exemptions;
        this.audit = audit;
        this.versions = versions;
    }

    @ShowsPersonData
    @GetMapping("/integration-duty/learning-route")
    @Operation(summary = "Read the learning route",
            description = "Caseworkers and team leads: route, level, periods, NT2 lesson hours, Z-route and MAP "
                    + "hours, route changes, exams and exempt parts; logged as a read of the person. 409 before the "
                    + "PIP is adopted.")
    ResponseEntity<ProgressResource> progress(@PathVariable UUID personId) {
        Progress progress = routes.find(personId).orElseThrow(() -> new ConflictException("trajectories.route.noPlan"));
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        return Versioned.ok(versions.of(TrajectoryVersions.Part.INTEGRATION_DUTY, personId),
                ProgressResource.of(progress));
    }

    @PostMapping("/integration-duty/route-switch")
    @Operation(summary = "Switch the route",
            description = "Caseworkers and team leads: another route, a date within the integration period and a "
                    + "reason (400 otherwise); 409 after the route-switch deadline. Revises the PIP on that date. "
                    + "Needs If-Match with the learning route's ETag (428 without, 412 when stale).")
    ResponseEntity<ProgressResource> switchRoute(@PathVariable UUID personId, IfMatch ifMatch,
            @RequestBody SwitchRequest r) {
        ProgressResource switched = ProgressResource
            .of(routes.switchRoute(personId, r.to(), r.on(), r.reason(), ifMatch.optional()));
        return Versioned.ok(versions.of(TrajectoryVersions.Part.INTEGRATION_DUTY, personId), switched);
    }

    @PostMapping("/integration-duty/step-down")
    @Operation(summary = "Step down from B1 to A2",
            description = "Caseworkers and team leads, B1 route only (409 otherwise): a date, a reason, the exam "
                    + "`parts` that step down (READING, LISTENING, WRITING, SPEAKING; left out or empty means all "
                    + "four, as before), the NT2 `lessonHours` and the `classroomHours` among them (required with "
                    + "`parts`). 400 when the lesson hours are below the national rule set's STEP_DOWN_LESSON_HOURS "
                    + "on that date or the classroom share below its STEP_DOWN_CLASSROOM_PERCENT; without "
                    + "`lessonHours` the recorded total is used and too few give 409, as before. 409 for a part "
                    + "stepped down already. Revises the PIP; the level is A2 once all four parts are stepped down. "
                    + "Needs If-Match with the learning route's ETag (428 without, 412 when stale).")
    ResponseEntity<ProgressResource> stepDown(@PathVariable UUID personId, IfMatch ifMatch,
            @RequestBody StepDownRequest r) {
        ProgressResource stepped = ProgressResource.of(routes.stepDown(personId,
                new StepDown(r.parts(), r.on(), r.reason(), r.lessonHours(), r.classroomHours()), ifMatch.optional()));
        return Versioned.ok(versions.of(TrajectoryVersions.Part.INTEGRATION_DUTY, personId), stepped);
    }

    @PutMapping("/integration-duty/progress")
    @Operation(summary = "Record Z-route and MAP hours",
            description = "Caseworkers and team leads. Z-route hours only on the Z route, the MAP not in the "
                    + "onderwijsroute nor when exempt (409); hours 0 to 10,000 with one decimal (400). `mapThemes` "
                    + "is the set of MAP themes done (codes of MapTheme; an unknown code 400) and replaces what was "
                    + "stored; `mapThemesDone` (a count) is no longer accepted (400); the answer's `map.themesDone` "
                    + "stays, as the size of the set. `onderwijsCompletedOn` records the completion of the onderwijsroute (that route only, "
                    + "409; not in the future, 400). Fields left out keep their value. Needs If-Match with the "
                    + "learning route's ETag (428 without, 412 when stale).")
    ResponseEntity<ProgressResource> hours(@PathVariable UUID personId, IfMatch ifMatch, @RequestBody HoursRequest r) {
        if (r.mapThemesDone() != null) {
            throw new InvalidInputException("mapThemesDone", "trajectories.route.mapThemesByCode");
        }
        ProgressResource recorded = ProgressResource
            .of(routes.recordHours(
                    personId, new Hours(r.zCourseHours(), r.zParticipationHours(), r.zInterviewOn(),
                            r.mapPracticalHours(), r.mapThemes(), r.mapInterviewOn(), r.onderwijsCompletedOn()),
                    ifMatch.optional()));
        return Versioned.ok(versions.of(TrajectoryVersions.Part.INTEGRATION_DUTY, personId), recorded);
    }

    @PostMapping("/integration-duty/exam-results")
    @Operation(summary = "Record an exam result",
            description = "Caseworkers and team leads: part, result, date and (not for KNM) level A1 to B2 (400 "
                    + "otherwise); 409 for a part DUO exempted.")
    ResponseEntity<Exam> exam(@PathVariable UUID personId, @RequestBody ExamRequest r) {
        Exam exam = routes.recordExam(personId, r.part(), r.level(), r.result(), r.takenOn());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/integration-duty/learning-route"))
            .body(exam);
    }

    @ShowsPersonData
    @GetMapping("/exemptions")
    @Operation(summary = "List DUO's exemptions",
            description = "Caseworkers and team leads: the decisions by date; logged as a read of the person.")
    ExemptionList exemptions(@PathVariable UUID personId) {
        routes.find(personId);
        List<Exemption> found = exemptions.of(personId);
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        return new ExemptionList(found);
    }

    @PostMapping("/exemptions")
    @Operation(summary = "Record an exemption",
            description = "Caseworkers and team leads: part, kind (VRIJSTELLING or ONTHEFFING), decision date and "
                    + "ground (400 otherwise); 409 for a part decided already. An exemption from the PVT or the "
                    + "whole duty sets the PVT to exempt; an exempt part has no deadline.")
    ResponseEntity<Exemption> exempt(@PathVariable UUID personId, @RequestBody ExemptionRequest r) {
        Exemption exemption = exemptions.record(personId, r.part(), r.kind(), r.decidedOn(), r.ground());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/exemptions")).body(exemption);
    }

}
