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
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.trajectories.PvtStatus;
import nl.meedoen.trajectories.internal.ParticipationDeclarations;
import nl.meedoen.trajectories.internal.ParticipationDeclarations.Pvt;
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
class ParticipationDeclarationApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SessionRequest(
            @NotNull(message = "{trajectories.pvt.heldOn.required}") @PastOrPresent(
                    message = "{date.future}") @Nullable LocalDate heldOn,
            @NotNull(message = "{trajectories.pvt.hours}") @DecimalMin(value = "0.5",
                    message = "{trajectories.pvt.hours}") @DecimalMax(value = "24",
                            message = "{trajectories.pvt.hours}") @Nullable BigDecimal hours,
            @Size(max = 200, message = "{field.tooLong}") @Nullable String topic) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatusRequest(@Nullable String status,
            @PastOrPresent(message = "{date.future}") @Nullable LocalDate signedOn) {
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

    ParticipationDeclarationApi(ParticipationDeclarations pvts) {
        this.pvts = pvts;
    }

    @GetMapping
    PvtResource pvt(@PathVariable UUID personId) {
        return PvtResource.of(pvts.find(personId));
    }

    @PostMapping("/sessions")
    ResponseEntity<PvtResource> addSession(@PathVariable UUID personId, @Valid @RequestBody SessionRequest request) {
        if (request.hours().scale() > 1) {
            throw new InvalidInputException("hours", "trajectories.pvt.hours");
        }
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/participation-declaration"))
            .body(PvtResource.of(pvts.addSession(personId, request.heldOn(), request.hours(), request.topic())));
    }

    @PutMapping
    PvtResource setStatus(@PathVariable UUID personId, @Valid @RequestBody StatusRequest request) {
        return PvtResource.of(pvts.setStatus(personId, status(request.status()), request.signedOn()));
    }

    static PvtStatus status(@Nullable String value) {
        try {
            return PvtStatus.valueOf(value == null ? "" : value.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("status", "trajectories.pvt.status");
        }
    }

}
