package nl.meedoen.exchange.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.exchange.internal.BrpException;
import nl.meedoen.exchange.internal.BrpLookups;
import nl.meedoen.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The population register lookup over JSON: the BSN in the body, the differences back.
 */
@RestController
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
@Tag(name = "Population register", description = """
        The population register (BRP) looked up by BSN through the Haal Centraal BRP Personen API, compared field \
        by field with the file Meedoen keeps. Off unless the installation sets it up (`meedoen.brp.*`).""")
class BrpLookupApi {

    record LookupBody(@Nullable String bsn) {

        @Override
        public String toString() {
            return "LookupBody[*]";
        }

    }

    record DifferenceResource(String field, @Nullable String meedoen, @Nullable String brp) {
    }

    record LookupResource(boolean found, @Nullable UUID personId, List<DifferenceResource> differences) {
    }

    private static final String PROBLEM = "#/components/schemas/Problem";

    private final BrpLookups lookups;

    private final AuditLog audit;

    private final MessageSource messages;

    BrpLookupApi(BrpLookups lookups, AuditLog audit, MessageSource messages) {
        this.lookups = lookups;
        this.audit = audit;
        this.messages = messages;
    }

    @PostMapping("/api/v1/persons/brp-lookup")
    @Operation(summary = "Look a BSN up in the population register", description = """
            Asks the register for the person with this BSN (`RaadpleegMetBurgerservicenummer`) and compares it with \
            the file of that BSN the caller may open, or with an empty file when there is none (what a new file \
            would take over). `found`: whether the register knows the BSN; `personId`: the file compared, if any; \
            `differences`: per field (`givenName`, `familyName` with its prefix, `dateOfBirth` ISO, `gender` MALE \
            or FEMALE, `address` as one line, `household`: a partner or child the register names and the file's \
            household lacks) Meedoen's value and the register's. Nothing is changed; the lookup is logged for the \
            file (BRP_LOOKUP). A BSN that fails the eleven test answers 400 before the register is asked.""")
    @ApiResponse(responseCode = "200", description = "The register's answer compared with the file")
    @ApiResponse(responseCode = "422",
            description = "The register refused the question (its 400); `registerCode` gives its reason",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "502", description = """
            The register is unreachable, gave no answer in time, answered a server error, or refused Meedoen (its \
            401/403: the connection's key, certificate or purpose binding); a Dutch `detail`""",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "503",
            description = "The lookup is not set up in this installation, or the register is busy (its 429)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
    LookupResource lookup(@RequestBody LookupBody body) {
        if (body.bsn() == null || body.bsn().isBlank()) {
            throw new InvalidInputException("bsn", "exchange.brp.bsn.required");
        }
        BrpLookups.Lookup lookup = lookups.lookup(body.bsn());
        if (lookup.personId() != null) {
            audit.read(AuditAction.BRP_LOOKUP, lookup.personId());
        }
        return new LookupResource(lookup.found(), lookup.personId(),
                lookup.differences()
                    .stream()
                    .map(row -> new DifferenceResource(row.field().json(), row.meedoen(), row.brp()))
                    .toList());
    }

    @ExceptionHandler(BrpException.class)
    ResponseEntity<ProblemDetail> registerFailed(BrpException ex) {
        return ResponseEntity.status(BrpProblems.status(ex))
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(BrpProblems.problem(messages, ex, LocaleContextHolder.getLocale()));
    }

}
