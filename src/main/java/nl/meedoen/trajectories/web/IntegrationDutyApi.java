package nl.meedoen.trajectories.web;

import java.time.LocalDate;
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
import nl.meedoen.trajectories.internal.IntegrationDuties;
import nl.meedoen.trajectories.internal.IntegrationDuties.Duty;
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
            @Nullable LearningRoute route) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DutyResource(String regime, LocalDate duoNoticeDate, LocalDate brpRegistrationDate,
            @Nullable LocalDate thirdPartyInfoReceivedDate, @Nullable LocalDate planDueDate,
            @Nullable LocalDate adoptedOn, @Nullable String route, @Nullable LocalDate integrationPeriodStart,
            @Nullable LocalDate integrationPeriodEnd, @Nullable LocalDate routeSwitchDeadline) {

        static DutyResource of(Duty d) {
            return new DutyResource(d.regime().name(), d.duoNoticeDate(), d.brpRegistrationDate(),
                    d.thirdPartyInfoReceivedDate(), d.planDueDate(), d.planAdoptedOn(),
                    d.route() == null ? null : d.route().name(), d.integrationPeriodStart(), d.integrationPeriodEnd(),
                    d.routeSwitchDeadline());
        }
    }

    private final IntegrationDuties duties;

    private final AuditLog audit;

    private final TrajectoryVersions versions;

    IntegrationDutyApi(IntegrationDuties duties, AuditLog audit, TrajectoryVersions versions) {
        this.duties = duties;
        this.audit = audit;
        this.versions = versions;
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
        DutyResource recorded = DutyResource.of(duties.record(personId, request.regime(), request.duoNoticeDate(),
                request.brpRegistrationDate(), request.thirdPartyInfoReceivedDate(), ifMatch.optional()));
        return Versioned.ok(versions.of(TrajectoryVersions.Part.INTEGRATION_DUTY, personId), recorded);
    }

    @ShowsPersonData
    @GetMapping
    @Operation(summary = "Read the duty",
            description = "Caseworkers and team leads: the duty with its PIP due date and, once adopted, the "
                    + "integration period and route-switch deadline; logged as a read of the person. 404 when "
                    + "none was recorded.")
    ResponseEntity<DutyResource> duty(@PathVariable UUID personId) {
        Duty duty = duties.find(personId).orElseThrow(NotFoundException::new);
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        return Versioned.ok(versions.of(TrajectoryVersions.Part.INTEGRATION_DUTY, personId), DutyResource.of(duty));
    }

    @PostMapping("/plan")
    @Operation(summary = "Adopt the PIP",
            description = "Caseworkers and team leads, WI2021 only (409 otherwise or without a duty). The "
                    + "integration period starts the day after and lasts the integration years; a route switch is "
                    + "possible in its first months. 400 for a date before DUO's notice or an unknown route.")
    DutyResource adoptPlan(@PathVariable UUID personId, @Valid @RequestBody PlanRequest request) {
        return DutyResource.of(duties.adoptPlan(personId, request.adoptedOn(), request.route()));
    }

}
