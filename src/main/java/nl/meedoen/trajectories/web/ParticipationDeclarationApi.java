package nl.meedoen.trajectories.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.trajectories.PvtStatus;
import nl.meedoen.trajectories.internal.ParticipationDeclarations;
import nl.meedoen.trajectories.internal.ParticipationDeclarations.Pvt;
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
 * A person's participation declaration trajectory (PVT) over JSON, for caseworkers and
 * team leads.
 */
@RestController
@RequestMapping("/api/v1/persons/{personId}/participation-declaration")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
@Tag(name = "Participation declaration",
        description = "A person's participation declaration trajectory (PVT): sessions and status.")
class ParticipationDeclarationApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SessionRequest(@NotNull(message = "{trajectories.pvt.heldOn.required}") @Nullable LocalDate heldOn,
            @NotNull(message = "{trajectories.pvt.hours}") @DecimalMin(value = "0.5",
                    message = "{trajectories.pvt.hours}") @DecimalMax(value = "24",
                            message = "{trajectories.pvt.hours}") @Nullable BigDecimal hours,
            @Size(max = 200, message = "{field.tooLong}") @Nullable String topic) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatusRequest(@Nullable PvtStatus status, @Nullable LocalDate signedOn) {
    }

    record SessionResource(LocalDate heldOn, BigDecimal hours, @Nullable String topic) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PvtResource(String status, @Nullable LocalDate signedOn, BigDecimal hours, List<SessionResource> sessions) {

        static PvtResource of(Pvt p) {
            return new PvtResource(p.status().name(), p.signedOn(), p.hours(),
                    p.sessions().stream().map(s -> new SessionResource(s.heldOn(), s.hours(), s.topic())).toList());
        }
    }

    private final ParticipationDeclarations pvts;

    private final AuditLog audit;

    private final TrajectoryVersions versions;

    ParticipationDeclarationApi(ParticipationDeclarations pvts, AuditLog audit, TrajectoryVersions versions) {
        this.pvts = pvts;
        this.audit = audit;
        this.versions = versions;
    }

    @ShowsPersonData
    @GetMapping
    @Operation(summary = "Read the PVT",
            description = "Caseworkers and team leads: status, signing date, hours and sessions (not started when "
                    + "nothing was recorded); logged as a read of the person.")
    ResponseEntity<PvtResource> pvt(@PathVariable UUID personId) {
        Pvt pvt = pvts.find(personId);
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        return Versioned.ok(versions.of(TrajectoryVersions.Part.PARTICIPATION_DECLARATION, personId),
                PvtResource.of(pvt));
    }

    @PostMapping("/sessions")
    @Operation(summary = "Record a session attended",
            description = "Caseworkers and team leads: on today at the latest, 0.5 to 24 hours with at most "
                    + "one decimal (400 otherwise); " + "a PVT not started is then in progress.")
    ResponseEntity<PvtResource> addSession(@PathVariable UUID personId, @Valid @RequestBody SessionRequest request) {
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/participation-declaration"))
            .body(PvtResource.of(pvts.addSession(personId, request.heldOn(), request.hours(), request.topic())));
    }

    @PutMapping
    @Operation(summary = "Set the status",
            description = "Caseworkers and team leads. COMPLETED needs the municipality's PVT hours and the "
                    + "signing date (400 otherwise); an unknown status is 400. Once the PVT is recorded (a "
                    + "session or a status), If-Match with its ETag is required (428 without, 412 when stale).")
    ResponseEntity<PvtResource> setStatus(@PathVariable UUID personId, IfMatch ifMatch,
            @Valid @RequestBody StatusRequest request) {
        PvtResource set = PvtResource
            .of(pvts.setStatus(personId, request.status(), request.signedOn(), ifMatch.optional()));
        return Versioned.ok(versions.of(TrajectoryVersions.Part.PARTICIPATION_DECLARATION, personId), set);
    }

}
