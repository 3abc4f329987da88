package nl.meedoen.trajectories.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.trajectories.IntakeOutcome;
import nl.meedoen.trajectories.internal.Intakes;
import nl.meedoen.trajectories.internal.Intakes.Appointment;
import nl.meedoen.trajectories.internal.Intakes.Components;
import nl.meedoen.trajectories.internal.Intakes.Intake;
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
 * The broad intake over JSON: its components (health notes only for the person's own
 * team), the appointments and the no-show ladder.
 */
@RestController
@RequestMapping("/api/v1/persons/{personId}/intake")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
@Tag(name = "Broad intake", description = "The broad intake: its components, the appointments and the no-show ladder.")
class IntakeApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record IntakeRequest(@Nullable LocalDate learnabilityTestedOn, @Nullable String learnabilityResult,
            @Nullable String educationHistory, @Nullable String workHistory, @Nullable String personalCircumstances,
            @Nullable String healthNotes, @Nullable LocalDate vveInformedOn, @Nullable LocalDate completedOn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IntakeResource(@Nullable LocalDate learnabilityTestedOn, @Nullable String learnabilityResult,
            @Nullable String educationHistory, @Nullable String workHistory, @Nullable String personalCircumstances,
            @Nullable String healthNotes, boolean healthRestricted, @Nullable LocalDate vveInformedOn,
            @Nullable LocalDate completedOn, boolean planWithoutInputAllowed) {

        static IntakeResource of(Intake i, boolean withoutInput) {
            return new IntakeResource(i.learnabilityTestedOn(), i.learnabilityResult(), i.educationHistory(),
                    i.workHistory(), i.personalCircumstances(), i.healthNotes(), !i.healthVisible(), i.vveInformedOn(),
                    i.completedOn(), withoutInput);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AppointmentRequest(
            @NotNull(message = "{trajectories.intake.scheduledOn.required}") @Nullable LocalDate scheduledOn,
            @Nullable LocalTime time, @Size(max = 200, message = "{field.tooLong}") @Nullable String location) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OutcomeRequest(@Nullable IntakeOutcome outcome, @Nullable LocalDate newInvitationOn,
            @Nullable LocalTime newInvitationTime,
            @Size(max = 200, message = "{field.tooLong}") @Nullable String newInvitationLocation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AppointmentResource(UUID id, LocalDate scheduledOn, @Nullable LocalTime time, @Nullable String location,
            String outcome, @Nullable Integer noShowStep, @Nullable String consequence,
            @Nullable Integer fineProposalEuros, int version) {

        static AppointmentResource of(Appointment a) {
            return new AppointmentResource(a.id(), a.scheduledOn(), a.scheduledTime(), a.location(), a.outcome().name(),
                    a.noShowStep(), a.consequence() == null ? null : a.consequence().name(), a.fineEuros(),
                    a.version());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OutcomeResource(UUID id, String outcome, @Nullable Integer noShowStep, @Nullable String consequence,
            @Nullable Integer fineProposalEuros, @Nullable AppointmentResource newInvitation,
            boolean planWithoutInputAllowed) {
    }

    record AppointmentList(List<AppointmentResource> items) {
    }

    private final Intakes intakes;

    private final AuditLog audit;

    IntakeApi(Intakes intakes, AuditLog audit) {
        this.intakes = intakes;
        this.audit = audit;
    }

    @ShowsPersonData
    @GetMapping
    @Operation(summary = "Read the intake",
            description = "Caseworkers and team leads: the components, with the health notes only for the person's "
                    + "own team (`healthRestricted` otherwise), and the version as ETag; logged as a read of the "
                    + "person.")
    ResponseEntity<IntakeResource> intake(@PathVariable UUID personId) {
        Intake intake = intakes.find(personId);
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        return ResponseEntity.ok()
            .eTag(IfMatch.etag(intake.version()))
            .body(IntakeResource.of(intake, intakes.planWithoutInputAllowed(personId)));
    }

    @PutMapping
    @Operation(summary = "Save the intake",
            description = "Caseworkers and team leads. The first save needs no If-Match; after that the ETag read "
                    + "(428 without, 412 when stale). Health notes from outside the person's team are 403; no date "
                    + "in the future and a completed intake needs its learnability test (400).")
    ResponseEntity<IntakeResource> save(@PathVariable UUID personId, IfMatch ifMatch,
            @Valid @RequestBody IntakeRequest r) {
        int current = intakes.find(personId).version();
        Intake saved = intakes.save(personId,
                new Components(r.learnabilityTestedOn(), r.learnabilityResult(), r.educationHistory(), r.workHistory(),
                        r.personalCircumstances(), r.healthNotes(), r.vveInformedOn(), r.completedOn()),
                ifMatch.requiredOnceCreated(current));
        return ResponseEntity.ok()
            .eTag(IfMatch.etag(saved.version()))
            .body(IntakeResource.of(saved, intakes.planWithoutInputAllowed(personId)));
    }

    @ShowsPersonData
    @GetMapping("/appointments")
    @Operation(summary = "List the appointments",
            description = "Caseworkers and team leads: the invitations by date with their outcome and no-show "
                    + "step; logged as a read of the person.")
    AppointmentList appointments(@PathVariable UUID personId) {
        intakes.find(personId);
        List<Appointment> appointments = intakes.appointments(personId);
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        return new AppointmentList(appointments.stream().map(AppointmentResource::of).toList());
    }

    @PostMapping("/appointments")
    @Operation(summary = "Invite to the intake",
            description = "Caseworkers and team leads; one open invitation at a time (409 otherwise).")
    ResponseEntity<AppointmentResource> schedule(@PathVariable UUID personId,
            @Valid @RequestBody AppointmentRequest r) {
        Appointment a = intakes.schedule(personId, r.scheduledOn(), r.time(), r.location());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/intake/appointments/" + a.id()))
            .body(AppointmentResource.of(a));
    }

    @PostMapping("/appointments/{appointmentId}/outcome")
    @Operation(summary = "Record what became of an appointment",
            description = "Caseworkers and team leads: ATTENDED, NO_SHOW or CANCELLED (400 otherwise; 409 once "
                    + "recorded). A no-show climbs the ladder: a warning, then a fine proposal, each needing the "
                    + "new invitation; from the 3rd a second fine proposal and the PIP may be set without input. "
                    + "Needs If-Match with the appointment's `version` as listed (428 without, 412 when stale).")
    OutcomeResource outcome(@PathVariable UUID personId, @PathVariable UUID appointmentId, IfMatch ifMatch,
            @Valid @RequestBody OutcomeRequest r) {
        Intakes.Outcome o = intakes.recordOutcome(personId, appointmentId, r.outcome(), r.newInvitationOn(),
                r.newInvitationTime(), r.newInvitationLocation(), ifMatch.optional());
        Appointment a = o.appointment();
        return new OutcomeResource(a.id(), a.outcome().name(), a.noShowStep(),
                a.consequence() == null ? null : a.consequence().name(), a.fineEuros(),
                o.newInvitation() == null ? null : AppointmentResource.of(o.newInvitation()),
                o.planWithoutInputAllowed());
    }

}
