package nl.meedoen.identity.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.web.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The roles that wait for a second pair of eyes ({@link RoleApprovals}), as JSON. */
@RestController
@Tag(name = "Account approvals", description = """
        Four eyes on access to files: when an administrator gives an account a role that reads files (CASEWORKER, \
        TEAM_LEAD, PRIVACY_OFFICER), a new account stays disabled and a changed account keeps its old role until a \
        second administrator or team lead of the municipality approves (setting `meedoen.security.four-eyes`, on by \
        default outside the demo). The requester and the account itself cannot decide. Every request and decision is \
        logged in the processing log as ACCOUNT_ADMINISTRATION.""")
class ApprovalApi {

    record Item(UUID id, UUID accountId, String username, RoleApprovals.Kind kind, @Nullable Role previousRole,
            Role requestedRole, String requestedBy, Instant requestedAt, int version) {

        static Item of(RoleApprovals.Waiting w) {
            return new Item(w.id(), w.accountId(), w.username(), w.kind(), w.previousRole(), w.requestedRole(),
                    w.requestedBy(), w.requestedAt(), w.version());
        }
    }

    record Items(List<Item> items) {
    }

    record Decided(UUID id, String outcome) {
    }

    private final RoleApprovals approvals;

    ApprovalApi(RoleApprovals approvals) {
        this.approvals = approvals;
    }

    @GetMapping("/api/v1/account-approvals")
    @PreAuthorize("hasAnyRole('ADMIN', 'TEAM_LEAD')")
    @Operation(summary = "Roles waiting for approval",
            description = "The requests of the municipality that wait for a decision, oldest first.")
    Items list() {
        return new Items(approvals.waiting().stream().map(Item::of).toList());
    }

    @PostMapping("/api/v1/account-approvals/{id}/approval")
    @PreAuthorize("hasAnyRole('ADMIN', 'TEAM_LEAD')")
    @Operation(summary = "Approve a waiting role", description = """
            Gives the account the requested role (a new account is enabled; a changed account's sessions and tokens \
            end). `If-Match` with the request's version is optional (412 when stale). 404 for an unknown request or \
            one of another municipality; 409 when it was decided already, when the caller made the request or is \
            the account, or when the account's role changed since.""")
    ResponseEntity<Decided> approve(@PathVariable UUID id, IfMatch ifMatch) {
        approvals.approve(id, ifMatch.optional());
        return ResponseEntity.ok(new Decided(id, "APPROVED"));
    }

    @PostMapping("/api/v1/account-approvals/{id}/rejection")
    @PreAuthorize("hasAnyRole('ADMIN', 'TEAM_LEAD')")
    @Operation(summary = "Decline a waiting role", description = """
            Declines the request: a new account stays disabled, a changed account keeps its role. `If-Match` as for \
            the approval; 404 and 409 likewise.""")
    ResponseEntity<Decided> decline(@PathVariable UUID id, IfMatch ifMatch) {
        approvals.decline(id, ifMatch.optional());
        return ResponseEntity.ok(new Decided(id, "DECLINED"));
    }

}
