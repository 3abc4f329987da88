package nl.meedoen.trajectories.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.trajectories.Handover;
import nl.meedoen.trajectories.internal.Guidance;
import nl.meedoen.trajectories.internal.Guidances;
import nl.meedoen.trajectories.internal.Guidances.ExtensionRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's social guidance over JSON: caseworkers start, request extensions and close
 * it; only a team lead decides on an extension.
 */
@RestController
@RequestMapping("/api/v1/persons/{personId}/guidance")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class GuidanceApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StartRequest(
            @NotNull(message = "{trajectories.guidance.startDate.required}") @Nullable LocalDate startDate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ExtensionRequestBody(@NotNull(message = "{trajectories.extension.months}") @Nullable Integer months,
            @Size(max = 1000, message = "{field.tooLong}") @Nullable String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Decision(@Size(max = 1000, message = "{field.tooLong}") @Nullable String note) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Closing(
            @NotNull(message = "{trajectories.guidance.closedOn.required}") @PastOrPresent(
                    message = "{date.future}") @Nullable LocalDate closedOn,
            @Nullable String handover, @Size(max = 1000, message = "{field.tooLong}") @Nullable String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ExtensionResource(UUID id, String status, @Nullable Integer months, @Nullable String reason,
            @Nullable String note) {

        static ExtensionResource of(ExtensionRequest r) {
            return new ExtensionResource(r.id(), r.status().name(), r.months(), r.reason(), r.decisionNote());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GuidanceResource(LocalDate startDate, LocalDate endDate, String status,
            @Nullable ExtensionResource extension, @Nullable LocalDate closedOn, @Nullable String handover,
            @Nullable String handoverReason) {
    }

    private final Guidances guidances;

    GuidanceApi(Guidances guidances) {
        this.guidances = guidances;
    }

    @PostMapping
    ResponseEntity<GuidanceResource> start(@PathVariable UUID personId, @Valid @RequestBody StartRequest request) {
        Guidance guidance = guidances.start(personId, request.startDate());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/guidance"))
            .body(resource(guidance, null));
    }

    @GetMapping
    GuidanceResource guidance(@PathVariable UUID personId) {
        Guidance guidance = guidances.find(personId).orElseThrow(NotFoundException::new);
        ExtensionRequest latest = guidances.extensionRequests(personId).stream().findFirst().orElse(null);
        return resource(guidance, latest);
    }

    @PostMapping("/extension-requests")
    @PreAuthorize("hasRole('CASEWORKER')")
    ResponseEntity<ExtensionResource> requestExtension(@PathVariable UUID personId,
            @Valid @RequestBody ExtensionRequestBody body) {
        ExtensionRequest request = guidances.requestExtension(personId, body.months(), body.reason());
        return ResponseEntity
            .created(URI.create("/api/v1/persons/" + personId + "/guidance/extension-requests/" + request.id()))
            .body(new ExtensionResource(request.id(), request.status().name(), null, null, null));
    }

    @PostMapping("/extension-requests/{requestId}/approval")
    @PreAuthorize("hasRole('TEAM_LEAD')")
    GuidanceResource approve(@PathVariable UUID personId, @PathVariable UUID requestId,
            @Valid @RequestBody(required = false) @Nullable Decision decision) {
        Guidance guidance = guidances.approve(personId, requestId, decision == null ? null : decision.note());
        return resource(guidance, guidances.extensionRequests(personId).stream().findFirst().orElse(null));
    }

    @PostMapping("/extension-requests/{requestId}/rejection")
    @PreAuthorize("hasRole('TEAM_LEAD')")
    ExtensionResource reject(@PathVariable UUID personId, @PathVariable UUID requestId,
            @Valid @RequestBody(required = false) @Nullable Decision decision) {
        if (decision == null || decision.note() == null || decision.note().isBlank()) {
            throw new InvalidInputException("note", "trajectories.extension.noteRequired");
        }
        return ExtensionResource.of(guidances.reject(personId, requestId, decision.note().strip()));
    }

    @PostMapping("/closing")
    GuidanceResource close(@PathVariable UUID personId, @Valid @RequestBody Closing closing) {
        Guidance guidance = guidances.close(personId, closing.closedOn(), handover(closing.handover()),
                closing.reason());
        return resource(guidance, guidances.extensionRequests(personId).stream().findFirst().orElse(null));
    }

    static @Nullable Handover handover(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Handover.valueOf(value.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("handover", "trajectories.guidance.handoverUnknown");
        }
    }

    private static GuidanceResource resource(Guidance g, @Nullable ExtensionRequest latest) {
        return new GuidanceResource(g.startDate(), g.endDate(), g.status().name(),
                latest == null ? null : ExtensionResource.of(latest), g.closedOn(),
                g.handover() == null ? null : g.handover().name(), g.handoverReason());
    }

}
