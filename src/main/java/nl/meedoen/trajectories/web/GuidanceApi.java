package nl.meedoen.trajectories.web;

import java.net.URI;
import java.time.LocalDate;
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
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.trajectories.Handover;
import nl.meedoen.trajectories.internal.Guidance;
import nl.meedoen.trajectories.internal.Guidances;
import nl.meedoen.trajectories.internal.Guidances.ExtensionRequest;
import nl.meedoen.trajectories.internal.TrajectoryVersions;
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
@Tag(name = "Social guidance",
        description = "A permit holder's social guidance: the municipality's months from the start date, extended "
                + "at most once with a team lead's approval, closed with a handover decision.")
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
    record Closing(@NotNull(message = "{trajectories.guidance.closedOn.required}") @Nullable LocalDate closedOn,
            @Nullable Handover handover, @Size(max = 1000, message = "{field.tooLong}") @Nullable String reason) {
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

    private final AuditLog audit;

    private final TrajectoryVersions versions;

    GuidanceApi(Guidances guidances, AuditLog audit, TrajectoryVersions versions) {
        this.guidances = guidances;
        this.audit = audit;
        this.versions = versions;
    }

    @PostMapping
    @Operation(summary = "Start the guidance",
            description = "Caseworkers and team leads. The end date follows from the municipality's guidance months "
                    + "(31 August plus 6 months is the last day of February). 400 for a start before the person's "
                    + "arrival, 409 when the guidance was started already, 404 for a person of another municipality.")
    ResponseEntity<GuidanceResource> start(@PathVariable UUID personId, @Valid @RequestBody StartRequest request) {
        Guidance guidance = guidances.start(personId, request.startDate());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/guidance"))
            .body(resource(guidance, null));
    }

    @ShowsPersonData
    @GetMapping
    @Operation(summary = "Read the guidance",
            description = "Caseworkers and team leads: the guidance with its latest extension request; logged as a "
                    + "read of the person. 404 when no guidance was started. The ETag names the guidance with its "
                    + "extension requests: send it in If-Match to decide on a request or to close it.")
    ResponseEntity<GuidanceResource> guidance(@PathVariable UUID personId) {
        Guidance guidance = guidances.find(personId).orElseThrow(NotFoundException::new);
        audit.read(AuditAction.TRAJECTORY_READ, personId);
        return versioned(personId, withLatestRequest(personId, guidance));
    }

    @PostMapping("/extension-requests")
    @PreAuthorize("hasRole('CASEWORKER')")
    @Operation(summary = "Request an extension",
            description = "Caseworkers only. Months from 1 up to the municipality's extension months and a reason. "
                    + "409 while a request is pending or after an approved extension.")
    ResponseEntity<ExtensionResource> requestExtension(@PathVariable UUID personId,
            @Valid @RequestBody ExtensionRequestBody body) {
        ExtensionRequest request = guidances.requestExtension(personId, body.months(), body.reason());
        return ResponseEntity
            .created(URI.create("/api/v1/persons/" + personId + "/guidance/extension-requests/" + request.id()))
            .body(new ExtensionResource(request.id(), request.status().name(), null, null, null));
    }

    @PostMapping("/extension-requests/{requestId}/approval")
    @PreAuthorize("hasRole('TEAM_LEAD')")
    @Operation(summary = "Approve an extension request",
            description = "Team leads only, with an optional note: the end date moves by the months asked. 409 "
                    + "for a request decided already or a second extension. Needs If-Match with the guidance's "
                    + "ETag (428 without, 412 when stale).")
    ResponseEntity<GuidanceResource> approve(@PathVariable UUID personId, @PathVariable UUID requestId, IfMatch ifMatch,
            @Valid @RequestBody(required = false) @Nullable Decision decision) {
        return versioned(personId, withLatestRequest(personId,
                guidances.approve(personId, requestId, decision == null ? null : decision.note(), ifMatch.optional())));
    }

    @PostMapping("/extension-requests/{requestId}/rejection")
    @PreAuthorize("hasRole('TEAM_LEAD')")
    @Operation(summary = "Reject an extension request",
            description = "Team leads only; a note is required (400 without). The end date stays; 409 for a "
                    + "request decided already. Needs If-Match with the guidance's ETag (428 without, 412 when "
                    + "stale).")
    ResponseEntity<ExtensionResource> reject(@PathVariable UUID personId, @PathVariable UUID requestId, IfMatch ifMatch,
            @Valid @RequestBody(required = false) @Nullable Decision decision) {
        return versioned(personId, ExtensionResource
            .of(guidances.reject(personId, requestId, decision == null ? null : decision.note(), ifMatch.optional())));
    }

    @PostMapping("/closing")
    @Operation(summary = "Close the guidance",
            description = "Caseworkers and team leads, with a handover: LOCAL_POLICY, or NO_FOLLOW_UP with its "
                    + "reason (400 without), on today at the latest. A pending extension request is rejected with "
                    + "it; 409 when closed already. Needs If-Match with the guidance's ETag (428 without, 412 "
                    + "when stale).")
    ResponseEntity<GuidanceResource> close(@PathVariable UUID personId, IfMatch ifMatch,
            @Valid @RequestBody Closing closing) {
        return versioned(personId, withLatestRequest(personId, guidances.close(personId, closing.closedOn(),
                closing.handover(), closing.reason(), ifMatch.optional())));
    }

    private <T> ResponseEntity<T> versioned(UUID personId, T body) {
        return Versioned.ok(versions.of(TrajectoryVersions.Part.GUIDANCE, personId), body);
    }

    private GuidanceResource withLatestRequest(UUID personId, Guidance guidance) {
        return resource(guidance, guidances.extensionRequests(personId).stream().findFirst().orElse(null));
    }

    private static GuidanceResource resource(Guidance g, @Nullable ExtensionRequest latest) {
        return new GuidanceResource(g.startDate(), g.endDate(), g.status().name(),
                latest == null ? null : ExtensionResource.of(latest), g.closedOn(),
                g.handover() == null ? null : g.handover().name(), g.handoverReason());
    }

}
