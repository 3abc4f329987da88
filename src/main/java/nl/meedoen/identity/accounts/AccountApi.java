package nl.meedoen.identity.accounts;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.web.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The accounts of the administrator's municipality as JSON: the same rules as the account
 * pages ({@link AccountAdministration}), with a one-time password generated for a new
 * account and a reset.
 */
@RestController
@Tag(name = "Accounts", description = """
        The accounts of the administrator's own municipality (ADMIN only; every other role 403). A new account and a \
        password reset get a one-time password, shown once in the answer: the account must change it at its first \
        login and can do nothing else until then (pages send it to /wachtwoord, the API answers 403). Every action \
        is logged in the processing log as ACCOUNT_ADMINISTRATION, readable by the privacy officer \
        (`GET /api/v1/audit/accounts/{username}`). An account of another municipality answers 404.""")
class AccountApi {

    record NewAccount(@NotBlank String username, @NotBlank String displayName, @NotNull Role role,
            @Nullable UUID teamId, @Nullable UUID partnerId) {
    }

    record Created(UUID id, String oneTimePassword) {
    }

    record Item(UUID id, String username, Role role, boolean enabled) {
    }

    record Items(List<Item> items) {
    }

    record Resource(UUID id, String username, String displayName, Role role, @Nullable UUID teamId,
            @Nullable String teamName, @Nullable UUID partnerId, boolean enabled, @Nullable Role waitingRole) {

        static Resource of(AccountAdministration.AccountView account) {
            return new Resource(account.id(), account.username(), account.displayName(), account.role(),
                    account.teamId(), account.teamName(), account.partnerId(), account.enabled(),
                    account.waitingRole());
        }
    }

    record Change(@Nullable String displayName, @NotNull Role role, @Nullable UUID teamId, @Nullable UUID partnerId,
            @NotNull Boolean enabled) {
    }

    record Reset(String oneTimePassword) {
    }

    private final AccountAdministration accounts;

    AccountApi(AccountAdministration accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/v1/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create an account",
            description = """
                    Creates an account in the administrator's municipality: `username` (lower-case letters, digits, `.`, \
                    `_`, `-`; unique), `displayName`, `role`, `teamId` (a team of the municipality) and, for the role \
                    PARTNER, `partnerId`. 201 with the account's id and its one-time password, shown this once. With four eyes on, \
                    an account with a role that reads files stays disabled until a second administrator or team lead \
                    approves it. 400 per \
                    field for an invalid name, team or partner organisation; 409 for a name that is taken.""")
    ResponseEntity<Created> create(@Valid @RequestBody NewAccount body) {
        AccountAdministration.Created created = accounts.create(body.username(), body.displayName(), body.role(),
                body.teamId(), body.partnerId(), null);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + created.id()))
            .body(new Created(created.id(), created.oneTimePassword()));
    }

    @GetMapping("/api/v1/accounts")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "List accounts", description = "The accounts of the municipality, by name.")
    Items list() {
        return new Items(
                accounts.accounts().stream().map(a -> new Item(a.id(), a.username(), a.role(), a.enabled())).toList());
    }

    @GetMapping("/api/v1/accounts/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "An account", description = """
            One account with its version as `ETag`, for a change with `If-Match`. 404 for an unknown account or one \
            of another municipality.""")
    ResponseEntity<Resource> get(@PathVariable UUID id) {
        AccountAdministration.AccountView account = accounts.account(id);
        return ResponseEntity.ok().eTag(IfMatch.etag(account.version())).body(Resource.of(account));
    }

    @PutMapping("/api/v1/accounts/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change an account", description = """
            Sets the account's `role`, `teamId`, `partnerId` (role PARTNER only), `enabled` and, when given, \
            `displayName`; `If-Match` names the version read (428 without it, 412 when stale). A change of role, \
            team, partner organisation or enabled ends the account's sessions and revokes its tokens. An \
            administrator cannot disable their own account or take away their own role (409). With four eyes on \
            (`meedoen.security.four-eyes`), a role that reads files (CASEWORKER, TEAM_LEAD, PRIVACY_OFFICER) is only \
            requested: the answer keeps the old `role` and names the requested one in `waitingRole` until a second \
            administrator or team lead approves (`/api/v1/account-approvals`); a second request while one waits, or \
            enabling a new account whose role waits, answers 409.""")
    ResponseEntity<Resource> change(@PathVariable UUID id, IfMatch ifMatch, @Valid @RequestBody Change body) {
        int version = ifMatch.required();
        AccountAdministration.AccountView current = accounts.account(id);
        accounts.change(id, version, body.displayName() == null ? current.displayName() : body.displayName(),
                body.role(), body.teamId(), body.partnerId(), body.enabled());
        AccountAdministration.AccountView changed = accounts.account(id);
        return ResponseEntity.ok().eTag(IfMatch.etag(changed.version())).body(Resource.of(changed));
    }

    @PostMapping("/api/v1/accounts/{id}/password-reset")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Reset an account's password", description = """
            Gives the account a new one-time password, shown this once, to be changed at its next login; ends its \
            sessions and revokes its tokens. `If-Match` is optional: a reset overwrites no field a second \
            administrator could have set, but when it names the version read (the account's `ETag`) a stale one \
            answers 412. The answer carries the account's new version as `ETag`. 404 for an unknown account or one \
            of another municipality.""")
    ResponseEntity<Reset> reset(@PathVariable UUID id, IfMatch ifMatch) {
        String password = accounts.resetPassword(id, null, ifMatch.optional());
        return ResponseEntity.ok().eTag(IfMatch.etag(accounts.account(id).version())).body(new Reset(password));
    }

}
