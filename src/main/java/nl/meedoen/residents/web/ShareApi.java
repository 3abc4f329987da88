package nl.meedoen.residents.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.residents.internal.PersonShares;
import nl.meedoen.residents.internal.PersonShares.Share;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shares of a file with another team (need-to-know) over JSON. */
@RestController
@RequestMapping("/api/v1/persons/{id}/shares")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
@Tag(name = "Shares", description = """
        Need-to-know: a caseworker or team lead opens the files of the own team's caseload and those shared with \
        the team (an active referral sent by one of its members, or a team lead's explicit share). A team lead of \
        the file's own team shares it with another team of the municipality with a reason and an optional last \
        day, and revokes it; both are logged (SHARE, SHARE_REVOKED). Another team's file answers 404.""")
class ShareApi {

    record ShareInput(@NotNull(message = "{share.teamId.invalid}") @Nullable UUID teamId,
            @NotBlank(message = "{share.reason.required}") @Size(max = 1000,
                    message = "{share.reason.required}") @Nullable String reason,
            @Nullable LocalDate endsOn) {
    }

    record ShareResource(UUID id, UUID teamId, String teamName, String reason, @Nullable LocalDate endsOn,
            LocalDate sharedOn, @Nullable LocalDate revokedOn, boolean active) {

        static ShareResource of(Share share) {
            return new ShareResource(share.id(), share.teamId(), share.teamName(), share.reason(), share.endsOn(),
                    share.sharedOn(), share.revokedOn(), share.active());
        }
    }

    record ShareList(List<ShareResource> items) {
    }

    private final PersonShares shares;

    private final AuditLog audit;

    ShareApi(PersonShares shares, AuditLog audit) {
        this.shares = shares;
        this.audit = audit;
    }

    @ShowsPersonData
    @GetMapping
    @Operation(summary = "List the shares of a file", description = """
            The teams the file is or was shared with, newest first; the read is logged (READ). 404 for a file the \
            caller's team may not open.""")
    ShareList list(@PathVariable UUID id) {
        List<Share> found = shares.of(id);
        audit.read(AuditAction.READ, id);
        return new ShareList(found.stream().map(ShareResource::of).toList());
    }

    @PostMapping
    @PreAuthorize("hasRole('TEAM_LEAD')")
    @Operation(summary = "Share a file with another team", description = """
            Team leads of the file's own team (403 otherwise). Answers 201 with the share and its ETag. A team \
            that is not another team of the municipality, an empty reason or a last day in the past answer 400 \
            (field); an open share with that team already 409. Logged (SHARE).""")
    ResponseEntity<ShareResource> share(@PathVariable UUID id, @Valid @RequestBody ShareInput input) {
        Share share = shares.share(id, input.teamId(), input.reason(), input.endsOn());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id + "/shares/" + share.id()))
            .eTag(IfMatch.etag(share.version()))
            .body(ShareResource.of(share));
    }

    @PostMapping("/{shareId}/revocation")
    @PreAuthorize("hasRole('TEAM_LEAD')")
    @Operation(summary = "Revoke a share", description = """
            Team leads of the file's own team (403 otherwise): the team no longer opens the file, unless it is \
            shared otherwise. If-Match is optional (412 when stale); a share already revoked answers 409. Logged \
            (SHARE_REVOKED).""")
    ResponseEntity<ShareResource> revoke(@PathVariable UUID id, @PathVariable UUID shareId, IfMatch ifMatch) {
        Share share = shares.revoke(id, shareId, ifMatch.optional());
        return ResponseEntity.ok().eTag(IfMatch.etag(share.version())).body(ShareResource.of(share));
    }

}
