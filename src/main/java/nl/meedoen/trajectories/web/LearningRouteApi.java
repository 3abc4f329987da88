package nl.meedoen.trajectories.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.trajectories.ExamOutcome;
import nl.meedoen.trajectories.ExamPart;
import nl.meedoen.trajectories.ExemptPart;
import nl.meedoen.trajectories.ExemptionKind;
import nl.meedoen.trajectories.LearningRoute;
import nl.meedoen.trajectories.internal.Exemptions;
import nl.meedoen.trajectories.internal.Exemptions.Exemption;
import nl.meedoen.trajectories.internal.LearningRoutes;
import nl.meedoen.trajectories.internal.LearningRoutes.Exam;
import nl.meedoen.trajectories.internal.LearningRoutes.Hours;
import nl.meedoen.trajectories.internal.LearningRoutes.Progress;
import nl.meedoen.trajectories.internal.LearningRoutes.RouteChange;
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
class LearningRouteApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SwitchRequest(@Nullable String to, @Nullable LocalDate on, @Nullable String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StepDownRequest(@Nullable LocalDate on, @Nullable String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HoursRequest(@Nullable BigDecimal zCourseHours, @Nullable BigDecimal zParticipationHours,
            @Nullable LocalDate zInterviewOn, @Nullable BigDecimal mapPracticalHours, @Nullable Integer mapThemesDone,
            @Nullable LocalDate mapInterviewOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ExamRequest(@Nullable String part, @Nullable String level, @Nullable String result,
            @Nullable LocalDate takenOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ExemptionRequest(@Nullable String part, @Nullable String kind, @Nullable LocalDate decidedOn,
            @Nullable String ground) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProgressResource(String route, @Nullable String level, LocalDate integrationPeriodStart,
            LocalDate integrationPeriodEnd, LocalDate routeSwitchDeadline, @Nullable LocalDate pipRevisedOn,
            BigDecimal lessonHours, @Nullable ZRoute zRoute, @Nullable Map map, List<RouteChange> changes,
            List<Exam> exams, List<ExemptPart> exemptParts) {

        static ProgressResource of(Progress p) {
            return new ProgressResource(p.route().name(), p.level(), p.integrationPeriodStart(),
                    p.integrationPeriodEnd(), p.routeSwitchDeadline(), p.pipRevisedOn(), p.lessonHours(),
                    p.route() == LearningRoute.Z
                            ? new ZRoute(p.zCourseHours(), p.zParticipationHours(), p.zInterviewOn()) : null,
                    p.mapApplies() ? new Map(p.mapPracticalHours(), p.mapThemesDone(), p.mapInterviewOn()) : null,
                    p.changes(), p.exams(), List.copyOf(p.exemptParts()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ZRoute(BigDecimal courseHours, BigDecimal participationHours, @Nullable LocalDate finalInterviewOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Map(BigDecimal practicalHours, int themesDone, @Nullable LocalDate finalInterviewOn) {
    }

    record ExemptionList(List<Exemption> items) {
    }

    private final LearningRoutes routes;

    private final Exemptions exemptions;

    LearningRouteApi(LearningRoutes routes, Exemptions exemptions) {
        this.routes = routes;
        this.exemptions = exemptions;
    }

    @GetMapping("/integration-duty/learning-route")
    ProgressResource progress(@PathVariable UUID personId) {
        return ProgressResource
            .of(routes.find(personId).orElseThrow(() -> new ConflictException("trajectories.route.noPlan")));
    }

    @PostMapping("/integration-duty/route-switch")
    ProgressResource switchRoute(@PathVariable UUID personId, @RequestBody SwitchRequest r) {
        LearningRoute to = Versions.optionalEnum(LearningRoute.class, r.to(), "to", "trajectories.plan.route");
        return ProgressResource.of(routes.switchRoute(personId, to, r.on(), r.reason()));
    }

    @PostMapping("/integration-duty/step-down")
    ProgressResource stepDown(@PathVariable UUID personId, @RequestBody StepDownRequest r) {
        return ProgressResource.of(routes.stepDown(personId, r.on(), r.reason()));
    }

    @PutMapping("/integration-duty/progress")
    ProgressResource hours(@PathVariable UUID personId, @RequestBody HoursRequest r) {
        return ProgressResource.of(routes.recordHours(personId, new Hours(r.zCourseHours(), r.zParticipationHours(),
                r.zInterviewOn(), r.mapPracticalHours(), r.mapThemesDone(), r.mapInterviewOn())));
    }

    @PostMapping("/integration-duty/exam-results")
    ResponseEntity<Exam> exam(@PathVariable UUID personId, @RequestBody ExamRequest r) {
        Exam exam = routes.recordExam(personId,
                Versions.optionalEnum(ExamPart.class, r.part(), "part", "trajectories.exam.part.required"), r.level(),
                Versions.optionalEnum(ExamOutcome.class, r.result(), "result", "trajectories.exam.result.required"),
                r.takenOn());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/integration-duty/learning-route"))
            .body(exam);
    }

    @GetMapping("/exemptions")
    ExemptionList exemptions(@PathVariable UUID personId) {
        routes.find(personId);
        return new ExemptionList(exemptions.of(personId));
    }

    @PostMapping("/exemptions")
    ResponseEntity<Exemption> exempt(@PathVariable UUID personId, @RequestBody ExemptionRequest r) {
        Exemption exemption = exemptions.record(personId,
                Versions.optionalEnum(ExemptPart.class, r.part(), "part", "trajectories.exemption.part.required"),
                Versions.optionalEnum(ExemptionKind.class, r.kind(), "kind", "trajectories.exemption.kind.required"),
                r.decidedOn(), r.ground());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/exemptions")).body(exemption);
    }

}
