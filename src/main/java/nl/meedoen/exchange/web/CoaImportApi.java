package nl.meedoen.exchange.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.exchange.internal.CoaImports;
import nl.meedoen.exchange.internal.CoaImports.Outcome;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.web.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The COA match list import over JSON: upload for a preview, then confirm once. */
@RestController
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
@Tag(name = "Imports", description = """
        The COA match list (koppellijst) in: a CSV (semicolons) or XLSX file in the documented column order is \
        previewed per row (a new person, an existing person matched on V-number or BSN, or an error with its \
        reason) and then confirmed once, in one transaction. The same file twice changes nothing.""")
class CoaImportApi {

    record RowResource(int line, Outcome outcome, @Nullable String field, @Nullable String message) {
    }

    record HouseholdResource(String key, List<Integer> lines, boolean existing) {
    }

    record PreviewResource(UUID importId, List<RowResource> rows, List<HouseholdResource> households) {
    }

    record ResultResource(int personsCreated, int personsUpdated, int households, int matches) {
    }

    private final CoaImports imports;

    private final AuditLog audit;

    private final MessageSource messages;

    CoaImportApi(CoaImports imports, AuditLog audit, MessageSource messages) {
        this.imports = imports;
        this.audit = audit;
        this.messages = messages;
    }

    @PostMapping("/api/v1/imports/coa-matches")
    @Operation(summary = "Preview a COA match list", description = """
            Reads the file (part `file`: CSV with `;` or XLSX, UTF-8, header `V-nummer;BSN;Voornamen;Achternaam;\
            Geboortedatum;Geslacht;Nationaliteit;Talen;Huishouden;Relatie;Koppeldatum;Nareiziger;Opmerkingen`) and \
            answers per row NEW, EXISTING or ERROR with the reason, and the households the rows form. Nothing but \
            the preview is stored. A file that cannot be read at all answers 400 (field `file`). Each existing \
            person found is logged (SEARCH).""")
    PreviewResource upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        if (file == null) {
            throw new InvalidInputException("file", "exchange.coa.noFile");
        }
        CoaImports.Preview preview = imports.upload(file.getBytes(),
                file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
        audit.read(AuditAction.SEARCH, preview.existingPersons());
        return new PreviewResource(preview.id(),
                preview.rows()
                    .stream()
                    .map(r -> new RowResource(r.line(), r.outcome(), r.field(),
                            r.messageKey() == null ? null
                                    : messages.getMessage(r.messageKey(), null, r.messageKey(),
                                            LocaleContextHolder.getLocale())))
                    .toList(),
                preview.households()
                    .stream()
                    .map(h -> new HouseholdResource(h.key(), h.lines(), h.existing()))
                    .toList());
    }

    @PostMapping("/api/v1/imports/{importId}/confirmation")
    @Operation(summary = "Confirm a previewed COA match list", description = """
            Creates or updates the persons, composes the households, records the housing matches with their \
            deadlines and stores the remarks, all in one transaction, and answers the counts. A second \
            confirmation answers 409; a file with errors 422; persons changed since the preview 409 (upload \
            again); a row the files refuse now rolls everything back (409 naming the line). If-Match with the \
            import's version is optional (412 when stale). An import of another team or municipality 404.""")
    ResultResource confirm(@PathVariable UUID importId, IfMatch ifMatch) {
        CoaImports.Result result = imports.confirm(importId, ifMatch.optional());
        return new ResultResource(result.personsCreated(), result.personsUpdated(), result.households(),
                result.matches());
    }

}
