package nl.meedoen.trajectories.web;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meedoen.trajectories.IntakeOutcome;
import nl.meedoen.trajectories.internal.Intakes;
import nl.meedoen.trajectories.internal.Intakes.Appointment;
import nl.meedoen.trajectories.internal.Intakes.Components;
import nl.meedoen.trajectories.internal.Intakes.Intake;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The broad intake over JSON: its components (health notes only for the person's own
 * team), the appointments and the no-show ladder.
 */
@RestController
@RequestMapping("/api/v1/persons/{personId}/intake")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
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
    record OutcomeRequest(@Nullable String outcome, @Nullable LocalDate newInvitationOn,
            @Nullable LocalTime newInvitationTime,
            @Size(max = 200, message = "{field.tooLong}") @Nullable String newInvitationLocation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AppointmentResource(UUID id, LocalDate scheduledOn, @Nullable LocalTime time, @Nullable String location,
            String outcome, @Nullable Integer noShowStep, @Nullable String consequence,
            @Nullable Integer fineProposalEuros) {

        static AppointmentResource of(Appointment a) {
            return new AppointmentResource(a.id(), a.scheduledOn(), a.scheduledTime(), a.location(), a.outcome().name(),
                    a.noShowStep(), a.consequence() == null ? null : a.consequence().name(), a.fineEuros());
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

    IntakeApi(Intakes intakes) {
        this.intakes = intakes;
    }

    @GetMapping
    ResponseEntity<IntakeResource> intake(@PathVariable UUID personId) {
        Intake intake = intakes.find(personId);
        return ResponseEntity.ok()
            .eTag(Versions.etag(intake.version()))
            .body(IntakeResource.of(intake, intakes.planWithoutInputAllowed(personId)));
    }

    @PutMapping
    ResponseEntity<IntakeResource> save(@PathVariable UUID personId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody IntakeRequest r) {
        int current = intakes.find(personId).version();
        Intake saved = intakes.save(personId,
                new Components(r.learnabilityTestedOn(), r.learnabilityResult(), r.educationHistory(), r.workHistory(),
                        r.personalCircumstances(), r.healthNotes(), r.vveInformedOn(), r.completedOn()),
                Versions.expected(ifMatch, current));
        return ResponseEntity.ok()
            .eTag(Versions.etag(saved.version()))
            .body(IntakeResource.of(saved, intakes.planWithoutInputAllowed(personId)));
    }

    @GetMapping("/appointments")
    AppointmentList appointments(@PathVariable UUID personId) {
        intakes.find(personId);
        return new AppointmentList(intakes.appointments(personId).stream().map(AppointmentResource::of).toList());
    }

    @PostMapping("/appointments")
    ResponseEntity<AppointmentResource> schedule(@PathVariable UUID personId,
            @Valid @RequestBody AppointmentRequest r) {
        Appointment a = intakes.schedule(personId, r.scheduledOn(), r.time(), r.location());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/intake/appointments/" + a.id()))
            .body(AppointmentResource.of(a));
    }

    @PostMapping("/appointments/{appointmentId}/outcome")
    OutcomeResource outcome(@PathVariable UUID personId, @PathVariable UUID appointmentId,
            @Valid @RequestBody OutcomeRequest r) {
        IntakeOutcome outcome = Versions.optionalEnum(IntakeOutcome.class, r.outcome(), "outcome",
                "trajectories.intake.outcome.required");
        Intakes.Outcome o = intakes.recordOutcome(personId, appointmentId, outcome, r.newInvitationOn(),
                r.newInvitationTime(), r.newInvitationLocation());
        Appointment a = o.appointment();
        return new OutcomeResource(a.id(), a.outcome().name(), a.noShowStep(),
                a.consequence() == null ? null : a.consequence().name(), a.fineEuros(),
                o.newInvitation() == null ? null : AppointmentResource.of(o.newInvitation()),
                o.planWithoutInputAllowed());
    }

}
