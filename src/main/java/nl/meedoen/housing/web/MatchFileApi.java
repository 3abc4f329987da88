package nl.meedoen.housing.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.housing.MatchCancellationReason;
import nl.meedoen.housing.internal.MatchFiles;
import nl.meedoen.housing.internal.MatchFiles.MatchFile;
import nl.meedoen.housing.web.MatchDeadlines.Basis;
import nl.meedoen.platform.web.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** One match over JSON: its deadlines explained, the lease start and the cancellation. */
@RestController
@RequestMapping("/api/v1/matches/{matchId}")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
@Tag(name = "Housing matches and placements")
class MatchFileApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LeaseRequest(@Nullable LocalDate leaseStart) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CancellationRequest(@Nullable MatchCancellationReason reason, @Nullable String note) {
    }

    record Person(UUID id, String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MatchFileResource(UUID id, LocalDate matchDate, LocalDate housingDeadline, Basis housingDeadlineBasis,
            LocalDate moveDeadline, Basis moveDeadlineBasis, @Nullable LocalDate leaseStart,
            boolean familyReunification, boolean cancelled, @Nullable LocalDate cancelledOn,
            @Nullable MatchCancellationReason cancelReason, @Nullable String cancelNote, boolean placed,
            List<Person> persons) {
    }

    private final MatchFiles matches;

    private final MatchDeadlines deadlines;

    private final AuditLog audit;

    MatchFileApi(MatchFiles matches, MatchDeadlines deadlines, AuditLog audit) {
        this.matches = matches;
        this.deadlines = deadlines;
        this.audit = audit;
    }

    @ShowsPersonData

    @GetMapping
    @Operation(summary = "Read a match",
            description = "Caseworkers and team leads: the match with its persons, its deadlines each with its "
                    + "basis (rule, input dates, source, explanation) and its version as ETag; logged as a read of "
                    + "each person. 404 for a match of another municipality.")
    ResponseEntity<MatchFileResource> match(@PathVariable UUID matchId) {
        MatchFile match = matches.find(matchId);
        audit.read(AuditAction.READ, match.personIds());
        return answer(match);
    }

    @PutMapping("/lease-start")
    @Operation(summary = "Record the lease start",
            description = "Caseworkers and team leads: the move period of the municipality's settings runs from "
                    + "the start of the lease; the move deadline and its basis follow. Not before the match date "
                    + "(400); a cancelled match answers 409. Needs the ETag read as If-Match (428 without, 412 "
                    + "when stale).")
    ResponseEntity<MatchFileResource> lease(@PathVariable UUID matchId, IfMatch ifMatch, @RequestBody LeaseRequest r) {
        return answer(matches.recordLeaseStart(matchId, r.leaseStart(), ifMatch.required()));
    }

    @PostMapping("/cancellation")
    @Operation(summary = "Cancel a match",
            description = "Caseworkers and team leads: reason HOUSED_ELSEWHERE, MOVED_ON or OTHER (then a note, "
                    + "400 without). Its persons can be matched again; a cancelled match counts for nothing in the "
                    + "quota. A match already cancelled or whose persons are housed answers 409. If-Match is "
                    + "optional; a stale one answers 412. Logged for each person.")
    ResponseEntity<MatchFileResource> cancel(@PathVariable UUID matchId, IfMatch ifMatch,
            @RequestBody CancellationRequest r) {
        return answer(matches.cancel(matchId, r.reason(), r.note(), ifMatch.optional()));
    }

    private ResponseEntity<MatchFileResource> answer(MatchFile m) {
        return ResponseEntity.ok()
            .eTag(IfMatch.etag(m.version()))
            .body(new MatchFileResource(m.id(), m.matchDate(), m.housingDeadline(), deadlines.housing(m),
                    m.moveDeadline(), deadlines.move(m), m.leaseStart(), m.familyReunification(), m.cancelled(),
                    m.cancelledOn(), m.cancelReason(), m.cancelNote(), m.placed(),
                    m.persons().stream().map(p -> new Person(p.id(), p.name())).toList()));
    }

}
