package nl.meedoen.audit.web;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.audit.internal.SubjectAccess;
import nl.meedoen.audit.internal.SubjectAccessLetter;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The right of access (AVG art. 15): the privacy officer exports, on the person's
 * request, everything Meedoen holds on them.
 */
@RestController
@PreAuthorize("hasRole('PRIVACY_OFFICER')")
@Tag(name = "Right of access", description = """
        Everything Meedoen holds on a person, with who processed the file when and why (AVG art. 15). Privacy \
        officers only; every other role answers 403.""")
class SubjectAccessApi {

    /** The two forms of the export; lower case, as the parameter is written. */
    enum Format {

        json, pdf

    }

    private final SubjectAccess subjectAccess;

    private final SubjectAccessLetter letter;

    private final AuditLog audit;

    private final ObjectMapper json;

    SubjectAccessApi(SubjectAccess subjectAccess, SubjectAccessLetter letter, AuditLog audit, ObjectMapper json) {
        this.json = json;
        this.subjectAccess = subjectAccess;
        this.letter = letter;
        this.audit = audit;
    }

    @ShowsPersonData

    @GetMapping(value = "/api/v1/persons/{id}/subject-access-export",
            produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PDF_VALUE })
    @Transactional
    @Operation(summary = "Export a person's data (right of access)", description = """
            Everything Meedoen holds on the person — file, household membership, housing, trajectory, plan with \
            every version, referrals, own network and what later modules add — and who processed the file when \
            and why, from the processing log. `format=json` (default) answers the data as stored, by section; \
            `format=pdf` a letter in plain Dutch to hand to the person. The export is logged \
            (SUBJECT_ACCESS_EXPORT). Privacy officer only (403 otherwise); 404 for an unknown person or one of \
            another municipality; 400 for another format.""")
    ResponseEntity<byte[]> export(@PathVariable UUID id, @RequestParam(defaultValue = "json") Format format) {
        SubjectAccess.Export export = subjectAccess.export(id);
        audit.read(AuditAction.SUBJECT_ACCESS_EXPORT, id);
        String file = "inzage-" + id + "." + format.name();
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString());
        if (format == Format.pdf) {
            return answer.contentType(MediaType.APPLICATION_PDF).body(letter.pdf(export));
        }
        return answer.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(export));
    }

}
