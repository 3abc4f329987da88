package nl.meedoen.identity.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.identity.security.ApiTokens;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * API tokens: the way in for scripts and partner systems, sent as
 * {@code Authorization: Bearer …}.
 */
@RestController
@Tag(name = "Tokens", description = """
        Personal and service API tokens. A token acts as its account, in the role it was issued for, until it \
        expires or is revoked; disabling the account, changing its role, team or partner organisation or resetting \
        its password revokes its tokens. Send it as `Authorization: Bearer <token>`; an unknown, expired or revoked \
        token is answered 401.""")
class TokenApi {

    record NewToken(@NotBlank String name, @NotNull LocalDate expiresOn, @Nullable UUID accountId) {
    }

    record Items(List<ApiTokens.TokenView> items) {
    }

    private final ApiTokens tokens;

    TokenApi(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/v1/tokens")
    @Operation(summary = "Issue an API token", description = """
            Issues a token for the logged-in user (`PERSONAL`), or, by an ADMIN naming `accountId`, a `SERVICE` token \
            for another account of the municipality (a partner's system, a script). `expiresOn` is after today and at \
            most a year ahead (setting `meedoen.security.tokens.longest-days`). 201 with the token: it is shown this \
            once; only its hash is kept. A request made with a token cannot issue tokens (403). 400 for a missing name \
            or a date out of range.""")
    ResponseEntity<ApiTokens.Issued> issue(@Valid @RequestBody NewToken body) {
        ApiTokens.Issued issued = tokens.issue(body.name(), body.expiresOn(), body.accountId());
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.id())).body(issued);
    }

    @GetMapping("/api/v1/tokens")
    @Operation(summary = "List API tokens", description = """
            The caller's tokens and those it issued, newest first, with their first characters, expiry, last use and \
            revocation (never the token itself); an ADMIN sees every token of the municipality.""")
    Items list() {
        return new Items(tokens.tokens());
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @Operation(summary = "Revoke an API token", description = """
            Revokes one of the caller's tokens (an ADMIN: any token of the municipality); its next use is answered \
            401. 204; 404 for a token the caller cannot see. Revoking twice changes nothing.""")
    ResponseEntity<Void> revoke(@PathVariable UUID id) {
        tokens.revoke(id);
        return ResponseEntity.noContent().build();
    }

}
