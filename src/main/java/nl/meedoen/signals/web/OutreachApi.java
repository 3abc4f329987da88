package nl.meedoen.signals.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.signals.OutreachStatus;
import nl.meedoen.signals.internal.OutreachReports;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Outreach reports over JSON: a concern about a resident not yet known to Meedoen. */
@RestController
@RequestMapping("/api/v1/outreach-reports")
@Tag(name = "Outreach reports", description = """
        A partner, the social team or a caseworker reports a concern about a resident who is not yet known to \
        Meedoen (for instance an isolated established migrant): what was seen, how to reach them and whether they \
        agreed to be contacted. It lands as an OUTREACH_REPORTED signal for the team.""")
class OutreachApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReportRequest(
            @NotBlank(message = "{signals.outreach.description.required}") @Size(max = 2000,
                    message = "{field.tooLong}") @Nullable String description,
            @Size(max = 500, message = "{field.tooLong}") @Nullable String contact,
            @NotNull(message = "{signals.outreach.agreed.required}") @Nullable Boolean agreedToContact) {
    }

    record Created(UUID id) {
    }

    /** A report; for a partner only where it stands. */
    record ReportResource(UUID id, LocalDate reportedOn, OutreachStatus status, @Nullable String description,
            @Nullable String contact, @Nullable Boolean agreedToContact, @Nullable String outcomeNote,
            @Nullable UUID personId, @Nullable Integer version) {
    }

    record ReportList(List<ReportResource> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OutcomeRequest(@NotNull(message = "{signals.outreach.to.required}") @Nullable OutreachStatus to,
            @Nullable String note, @Nullable UUID personId) {
    }

    private final OutreachReports reports;

    OutreachApi(OutreachReports reports) {
        this.reports = reports;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('PARTNER', 'CASEWORKER', 'TEAM_LEAD')")
    @Operation(summary = "Report a concern about a resident",
            description = "Partners, caseworkers and team leads. description (what was seen, required, at most "
                    + "2,000 characters), contact (how to reach them, optional) and agreedToContact (required). "
                    + "Raises an OUTREACH_REPORTED signal for the team while that rule is on. Answers 201 with the "
                    + "id.")
    ResponseEntity<Created> report(@Valid @RequestBody ReportRequest request) {
        UUID id = reports.report(CurrentUser.current().orElseThrow(), request.description(), request.contact(),
                Boolean.TRUE.equals(request.agreedToContact()));
        return ResponseEntity.created(URI.create("/api/v1/outreach-reports/" + id)).body(new Created(id));
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('PARTNER', 'CASEWORKER', 'TEAM_LEAD')")
    @Operation(summary = "Outreach reports",
            description = "Partners see only the reports of their own organisation, and of those only the date "
                    + "and where they stand; caseworkers and team leads see every report of the municipality with "
                    + "what was reported and what came of it. Newest first, at most 500.")
    ReportList list() {
        CurrentUser user = CurrentUser.current().orElseThrow();
        boolean partner = user.hasRole(Role.PARTNER);
        return new ReportList(reports.visibleTo(user).stream().map(r -> resource(r, partner)).toList());
    }

    @PostMapping("/{id}/transitions")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    @Operation(summary = "Record what came of an outreach report",
            description = "Caseworkers and team leads. to is CONTACTED (the first conversation was held), "
                    + "FILE_OPENED (the resident wanted a file: personId of the registered person, 400 without) or "
                    + "CLOSED (a note is required: 400 without). REPORTED → CONTACTED → FILE_OPENED or CLOSED; any "
                    + "other step is a 409. The report's signal resolves by itself. If-Match is optional: a stale "
                    + "version answers 412.")
    ResponseEntity<ReportResource> advance(@PathVariable UUID id, IfMatch ifMatch,
            @Valid @RequestBody OutcomeRequest request) {
        OutreachReports.Report report = reports.advance(CurrentUser.current().orElseThrow(), id,
                Objects.requireNonNull(request.to()), request.note(), request.personId(), ifMatch.optional());
        return ResponseEntity.ok().eTag(IfMatch.etag(report.version())).body(resource(report, false));
    }

    private static ReportResource resource(OutreachReports.Report r, boolean partner) {
        return partner ? new ReportResource(r.id(), r.reportedOn(), r.status(), null, null, null, null, null, null)
                : new ReportResource(r.id(), r.reportedOn(), r.status(), r.description(), r.contact(),
                        r.agreedToContact(), r.outcomeNote(), r.personId(), r.version());
    }

}
