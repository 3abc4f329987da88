package nl.meedoen.trajectories.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.trajectories.IntegrationRegime;
import nl.meedoen.trajectories.LearningRoute;
import nl.meedoen.trajectories.RevisionReason;
import nl.meedoen.trajectories.internal.Basis;
import nl.meedoen.trajectories.internal.IntegrationDuties;
import nl.meedoen.trajectories.internal.IntegrationDuties.Duty;
import nl.meedoen.trajectories.internal.IntegrationDuties.Revision;
import nl.meedoen.trajectories.web.Explanations.BasisResource;
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
 * A person's civic-integration duty and personal plan (PIP) over JSON, for caseworkers
 * and team leads.
 */
@RestController
@RequestMapping("/api/v1/persons/{personId}/integration-duty")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
@Tag(name = "Integration duty",
        description = "A person's civic-integration duty (Wet inburgering) and personal plan (PIP).")
class IntegrationDutyApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DutyRequest(@Nullable IntegrationRegime regime,
            @NotNull(message = "{trajectories.duty.duoNoticeDate.required}") @Nullable LocalDate duoNoticeDate,
            @NotNull(
                    message = "{trajectories.duty.brpRegistrationDate.required}") @Nullable LocalDate brpRegistrationDate,
            @Nullable LocalDate thirdPartyInfoReceivedDate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlanRequest(@NotNull(message = "{trajectories.plan.adoptedOn.required}") @Nullable LocalDate adoptedOn,
            @Nullable LearningRoute route, @Nullable RevisionReason revisionReason) {
    }

    record RevisionResource(int number, LocalDate revisedOn, LearningRoute route, RevisionReason reason) {

        static RevisionResource of(Revision r) {
            return new RevisionResource(r.number(), r.revisedOn(), r.route(), r.reason());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DutyResource(String regime, LocalDate duoNoticeDate, LocalDate brpRegistrationDate,
            @Nullable LocalDate thirdPartyInfoReceivedDate, @Nullable LocalDate planDueDate,
            @Nullable LocalDate adoptedOn, @Nullable String route, @Nullable LocalDate integrationPeriodStart,
            @Nullable LocalDate integrationPeriodEnd, @Nullable LocalDate routeSwitchDeadline,
            @Nullable LocalDate participationDeclarationDueDate, @Nullable Integer planVersion,
            @Nullable LocalDate pipRevisedOn, List<RevisionResource> revisions, Map<String, BasisResource> basis) {
    }

    private final IntegrationDuties duties;

    private final AuditLog audit;

    private final Explanations explanations;

    private final TrajectoryVersions versions;

    IntegrationDutyApi(IntegrationDuties duties, AuditLog audit, Explanations explanations,
            TrajectoryVersions versions) {
        this.duties = duties;
        this.audit = audit;
        this.explanations = explanations;
        this.versions = versions;
    }

    private DutyResource resource(Duty d) {
        Map<String, Basis> basis = duties.basis(d);
        List<RevisionResource> revisions = duties.revisions(d.personId()).stream().map(RevisionResource::of).toList();
        Basis pvt = basis.get("participationDeclarationDueDate");
        return new DutyResource(d.regime().name(), d.duoNoticeDate(), d.brpRegistrationDate(),
                d.thirdPartyInfoReceivedDate(), d.planDueDate(), d.planAdoptedOn(),
                d.route() == null ? null : d.route().name(), d.integrationPeriodStart(), d.integrationPeriodEnd(),
                d.routeSwitchDeadline(), pvt == null ? null : pvt.date(),
                d.planAdoptedOn() == null ? null : revisions.size() + 1, d.pipRevisedOn(), revisions,
                explanations.resources(basis));
    }

    @PutMapping
    @Operation(summary = "Record or correct the duty",
            description = "Caseworkers and team leads. Under WI2021 the PIP is due the municipality's plan weeks "
                    + "after the later of DUO's notice and the BRP registration, at least the third-party weeks "
                    + "after third-party information arrived; WI2013 has no PIP. 400 for an unknown regime or a "
                    + "missing date, 409 for WI2013 once a PIP was adopted. The first record needs no If-Match; "
                    + "a correction needs the ETag read (428 without, 412 when stale).")
    ResponseEntity<DutyResource> record(@PathVariable UUID personId, IfMatch ifMatch,
            @Valid @RequestBody DutyRequest request) {
        DutyResource recorded = resource(duties.record(personId, request.regime(), request.duoNoticeDate(),
                request.brpRegistrationDate(), request.thirdPartyInfoReceivedDate(), ifMatch.optional()));
        return Versioned.ok(versions.of(TrajectoryVersions.Part.INTEGRATION_DUTY, personId), recorded);
    }

    @ShowsPersonData
    @GetMapping
    @Operation(summary = "Read the duty",
            description = "Caseworkers and team leads: the duty with its PIP due date and, once adopted, the "
                    + "integration period and route-switch deadline, the PIP's version and revisions, and per "
                    + "computed date its `basis` (rule, input dates, rule-set version, source, explanation); "
                    + "logged as a read of the person. 404 when none was recorded.")
    ResponseEntity<DutyResource> duty(@PathVariable UUID personId) {
        Duty duty = duties.find(personId).orElseThrow(NotFoundException::new);
        DutyResource resource = resource(duty);
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        return Versioned.ok(versions.of(TrajectoryVersions.Part.INTEGRATION_DUTY, personId), resource);
    }

    @PostMapping("/plan")
    @Operation(summary = "Adopt the PIP",
            description = "Caseworkers and team leads, WI2021 only (409 otherwise or without a duty). The first PIP "
                    + "starts the integration period the day after its date (art. 11 Wet inburgering 2021): it lasts "
                    + "the legal years and a route switch is possible in its first legal months. On a person with a "
                    + "PIP the same call is a revision of that decision (200) with its `revisionReason` "
                    + "(ROUTE_SWITCH, STEP_DOWN, OBJECTION, MOVE, OTHER; OTHER when absent): the integration period "
                    + "and the switch deadline do not move. 400 for a date before DUO's notice or the first PIP, an "
                    + "unknown route or reason; 409 for another route after the switch deadline. Needs If-Match "
                    + "with the integration duty's ETag (428 without, 412 when stale).")
    ResponseEntity<DutyResource> adoptPlan(@PathVariable UUID personId, IfMatch ifMatch,
            @Valid @RequestBody PlanRequest request) {
        DutyResource resource = resource(duties.adoptPlan(personId, request.adoptedOn(), request.route(),
                request.revisionReason(), ifMatch.optional()));
        return Versioned.ok(versions.of(TrajectoryVersions.Part.INTEGRATION_DUTY, personId), resource);
    }

}
