package nl.meedoen.exchange.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.exchange.internal.PartnerReports.Kind;
import nl.meedoen.exchange.internal.PartnerUploads;
import nl.meedoen.exchange.internal.PartnerUploads.Outcome;
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

/** A partner's report file over JSON: upload for a preview, then confirm once. */
@RestController
@PreAuthorize("hasRole('PARTNER')")
@Tag(name = "Partner reports", description = """
        What a partner organisation (a language school, a MAP or PVT provider) reports on a person referred to \
        it: attendance per session, lesson hours in class and online, progress-test levels and exam results. \
        Each lands where it belongs (the plan's language progress, the trajectory's 600-hour rule and exams) and \
        is logged as a processing by the partner.""")
class PartnerUploadApi {

    record LineResource(int line, @Nullable Kind kind, Outcome outcome, @Nullable String column,
            @Nullable String message) {
    }

    record PreviewResource(UUID uploadId, List<LineResource> lines) {
    }

    record ResultResource(int attendance, int lessonHours, int progressTests, int examResults) {
    }

    private final PartnerUploads uploads;

    private final MessageSource messages;

    PartnerUploadApi(PartnerUploads uploads, MessageSource messages) {
        this.uploads = uploads;
        this.messages = messages;
    }

    @PostMapping("/api/v1/partner-reports/uploads")
    @Operation(summary = "Preview a file of partner reports", description = """
            Reads the file (part `file`: CSV with `;`, UTF-8, at most 2 MB and 20,000 lines, header \
            `Verwijzing;Soort;Datum;Aanwezig;Afgemeld;Klassikaal;Online;Onderdeel;Niveau;Geslaagd`, one report per \
            line, documented in docs/exchange.md) and answers per line OK or ERROR with the column and the reason. \
            A line on a referral that is not an accepted or started one of the partner's own organisation is an \
            error that says only that. Nothing but the preview is stored. A file that cannot be read at all \
            answers 400 (field `file`).""")
    PreviewResource upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        if (file == null) {
            throw new InvalidInputException("file", "exchange.coa.noFile");
        }
        PartnerUploads.Preview preview = uploads.upload(file.getBytes(),
                file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
        return new PreviewResource(preview.id(),
                preview.lines()
                    .stream()
                    .map(l -> new LineResource(l.line(), l.kind(), l.outcome(), l.column(),
                            l.messageKey() == null ? null
                                    : messages.getMessage(l.messageKey(), null, l.messageKey(),
                                            LocaleContextHolder.getLocale())))
                    .toList());
    }

    @PostMapping("/api/v1/partner-reports/uploads/{uploadId}/confirmation")
    @Operation(summary = "Confirm a previewed file of partner reports", description = """
            Reports every line as `POST /api/v1/partner-reports` does, all in one transaction, and answers the \
            reports stored per kind. A second confirmation answers 409; a file with errors 422; a file whose \
            referrals changed since the preview 409 (upload again); a line the plan or trajectory refuses now \
            rolls everything back (409 naming the line). If-Match with the upload's version is optional (412 when \
            stale). An upload of another organisation 404.""")
    ResultResource confirm(@PathVariable UUID uploadId, IfMatch ifMatch) {
        PartnerUploads.Result result = uploads.confirm(uploadId, ifMatch.optional());
        return new ResultResource(result.attendance(), result.lessonHours(), result.progressTests(),
                result.examResults());
    }

}
