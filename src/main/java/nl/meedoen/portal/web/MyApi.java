package nl.meedoen.portal.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.OwnData;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.portal.internal.PortalReads;
import nl.meedoen.portal.internal.ResidentFiles;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mijn Meedoen over JSON, for the resident: always the resident's own file, whatever the
 * caller sends; texts in the portal's language of the request ({@code Accept-Language}).
 */
@RestController
@RequestMapping("/api/v1/my")
@PreAuthorize("hasRole('RESIDENT')")
@Tag(name = "Mijn Meedoen", description = """
        The resident's own portal: the logged-in resident's own file only (role RESIDENT), never another \
        person's. Every read is logged as the data subject's own access (PORTAL_READ).""")
class MyApi {

    record Person(String givenName) {
    }

    record Caseworker(String role, String team, String contact) {
    }

    record Upcoming(String kind, LocalDate date, String explanation) {
    }

    record Overview(Person person, Caseworker caseworker, List<Upcoming> upcoming) {
    }

    record Access(java.time.Instant at, String role, String team, String action, String purpose) {
    }

    record AccessLog(List<Access> items) {
    }

    private final ResidentFiles files;

    private final PortalReads reads;

    private final AuditLog audit;

    private final OwnData ownData;

    private final ObjectMapper json;

    MyApi(ResidentFiles files, PortalReads reads, AuditLog audit, OwnData ownData, ObjectMapper json) {
        this.json = json;
        this.files = files;
        this.reads = reads;
        this.audit = audit;
        this.ownData = ownData;
    }

    /** The two forms of my data; lower case, as the parameter is written. */
    enum Format {

        json, pdf

    }

    @ShowsPersonData
    @GetMapping(path = "/data", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PDF_VALUE })
    @Operation(summary = "What Meedoen holds about me", description = """
            Residents. The own copy of the subject-access export (AVG art. 15): every part of the file with its \
            records (`sections[].items[].fields[]`: the stored column, its Dutch label, the value) and who \
            processed the file when and why (`accesses[]`: the role and team, never a name; both empty for the \
            system). Staff are named by role and team wherever the file would name them; health notes, personal \
            circumstances, internal notes and the COA profile's remarks are left out (the privacy officer's \
            export holds them, on request). `format=pdf` answers the same as the Dutch letter. Logged as the data \
            subject's own access (PORTAL_READ).""")
    ResponseEntity<byte[]> data(@RequestParam(defaultValue = "json") Format format) {
        UUID person = files.current();
        byte[] body = format == Format.pdf ? ownData.letter(person) : json.writeValueAsBytes(ownData.of(person));
        audit.read(AuditAction.PORTAL_READ, person);
        return ResponseEntity.ok()
            .cacheControl(CacheControl.noStore())
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename("mijn-gegevens." + format.name()).build().toString())
            .contentType(format == Format.pdf ? MediaType.APPLICATION_PDF : MediaType.APPLICATION_JSON)
            .body(body);
    }

    @ShowsPersonData
    @GetMapping("/overview")
    @Operation(summary = "My overview",
            description = "Residents. The given name, the caseworker by role and team with how to reach them, and "
                    + "what is coming (kind INTAKE_APPOINTMENT, PLAN_DUE, PLAN_REVIEW, GUIDANCE_END, "
                    + "ROUTE_SWITCH_DEADLINE, ONTZORGEN_END, INTEGRATION_PERIOD_END) with its date and what it "
                    + "means, soonest first.")
    Overview overview(HttpServletRequest request) {
        UUID person = files.current();
        Locale locale = PortalLanguage.of(request);
        PortalView view = PortalView.overview(reads, person, locale);
        audit.read(AuditAction.PORTAL_READ, person);
        return new Overview(new Person(view.givenName()),
                new Caseworker(view.caseworkerRole(), view.caseworkerTeam(), view.caseworkerContact()),
                view.upcoming().stream().map(u -> new Upcoming(u.kind().name(), u.date(), u.explanation())).toList());
    }

    @ShowsPersonData
    @GetMapping("/access-log")
    @Operation(summary = "Who looked at my file",
            description = "Residents. The processing log's entries about the own file, newest first (at most 200): "
                    + "when, the role and team of whoever looked or changed something (never a name; the system's "
                    + "own jobs as the system), what they did in words and the purpose the log records. The "
                    + "resident's own portal reads are left out.")
    AccessLog accessLog(HttpServletRequest request) {
        UUID person = files.current();
        AccessView view = AccessView.of(reads, person, PortalLanguage.of(request));
        audit.read(AuditAction.PORTAL_READ, person);
        return new AccessLog(view.items()
            .stream()
            .map(i -> new Access(i.at(), i.role(), i.team(), i.action(), i.purpose()))
            .toList());
    }

}
