package nl.meedoen.network.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.network.MatchStatus;
import nl.meedoen.network.internal.BuddyMatches;
import nl.meedoen.network.internal.BuddyMatches.LogKind;
import nl.meedoen.network.internal.BuddyMatches.Match;
import nl.meedoen.network.internal.NetworkSettings;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Buddy matches over JSON, for the volunteer coordinator: propose a volunteer for a
 * request, move the match on, log meetings and check-ins. Caseworkers and team leads read
 * them.
 */
@RestController
@RequestMapping("/api/v1/matches/buddy")
@PreAuthorize("hasRole('VOLUNTEER_COORDINATOR')")
@Tag(name = "Buddy matches", description = """
        Buddy matches of a volunteer with a person, from proposal to end, with their log of meetings (hours) \
        and check-ins. The check-in is due some weeks (a municipal setting, 4 by default) after the match \
        became active. Every step publishes an event and is logged as a change of the person's network.""")
class BuddyMatchApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProposalRequest(@NotNull(message = "{network.match.requestUnknown}") @Nullable UUID matchRequestId,
            @NotNull(message = "{network.match.volunteerUnknown}") @Nullable UUID volunteerId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatusRequest(@NotNull(message = "{network.match.status.unknown}") @Nullable MatchStatus status,
            @Nullable LocalDate date, @Size(max = 1000, message = "{field.tooLong}") @Nullable String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LogRequest(@Nullable LogKind kind,
            @NotNull(message = "{network.log.heldOn.required}") @Nullable LocalDate heldOn, @Nullable BigDecimal hours,
            @Size(max = 1000, message = "{field.tooLong}") @Nullable String note) {
    }

    record LogResource(String kind, LocalDate heldOn, @Nullable BigDecimal hours, @Nullable String note) {
    }

    record MatchResource(UUID id, String status, UUID matchRequestId, UUID personId, UUID volunteerId, String role,
            int score, LocalDate proposedOn, @Nullable LocalDate introducedOn, @Nullable LocalDate startedOn,
            @Nullable LocalDate endedOn, @Nullable String endReason, int meetings, BigDecimal hours,
            @Nullable LocalDate checkInDue, @Nullable List<LogResource> log) {
    }

    private final BuddyMatches matches;

    private final NetworkSettings settings;

    private final AuditLog audit;

    BuddyMatchApi(BuddyMatches matches, NetworkSettings settings, AuditLog audit) {
        this.matches = matches;
        this.settings = settings;
        this.audit = audit;
    }

    @PostMapping
    @Operation(summary = "Propose a volunteer for a match request",
            description = "Volunteer coordinator only. Answers 201 with the match (PROPOSED). A volunteer who may "
                    + "not be proposed (stopped, without the role, without a valid VOG, at maximum load, the person "
                    + "themselves) or a request that is not open is a 409 with the reason; an unknown request or "
                    + "volunteer a 400.")
    ResponseEntity<MatchResource> propose(@Valid @RequestBody ProposalRequest request) {
        Match match = matches.propose(request.matchRequestId(), request.volunteerId());
        return ResponseEntity.created(URI.create("/api/v1/matches/buddy/" + match.id()))
            .eTag(IfMatch.etag(match.version()))
            .body(resource(match, null));
    }

    @ShowsPersonData
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('VOLUNTEER_COORDINATOR', 'CASEWORKER', 'TEAM_LEAD')")
    @Operation(summary = "Read a buddy match with its log",
            description = "The volunteer coordinator, caseworkers and team leads; logged as a read of the person's "
                    + "network. checkInDue is the day the check-in is due while none is logged. The ETag is the "
                    + "match's version, to send in If-Match when moving it on.")
    ResponseEntity<MatchResource> find(@PathVariable UUID id) {
        Match match = matches.find(id).orElseThrow(NotFoundException::new);
        audit.read(AuditAction.NETWORK_READ, match.personId());
        return ResponseEntity.ok()
            .eTag(IfMatch.etag(match.version()))
            .body(resource(match,
                    matches.entries(id)
                        .stream()
                        .map(e -> new LogResource(e.kind().name(), e.heldOn(), e.hours(), e.note()))
                        .toList()));
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Move a buddy match on",
            description = "Volunteer coordinator only. PROPOSED → INTRODUCED → ACTIVE → ENDED; ending needs a "
                    + "reason (400 without) and is possible from any earlier status; a match that ends before it "
                    + "became active reopens its request. Any other move is a 409; a date in the future or before "
                    + "the previous step a 400. Needs If-Match with the match's ETag (428 without, 412 when "
                    + "stale).")
    ResponseEntity<MatchResource> move(@PathVariable UUID id, IfMatch ifMatch,
            @Valid @RequestBody StatusRequest request) {
        Match moved = matches.move(id, request.status(), request.date(), request.reason(), ifMatch.optional());
        return ResponseEntity.ok().eTag(IfMatch.etag(moved.version())).body(resource(moved, null));
    }

    @PostMapping("/{id}/log")
    @Operation(summary = "Log a meeting or check-in on a buddy match",
            description = "Volunteer coordinator only, on a match that was introduced or is active (409 otherwise). "
                    + "kind is MEETING (default, with 0.5–24 hours) or CHECK_IN; a date in the future or before the "
                    + "proposal is a 400. Answers 201 with the match and its totals.")
    ResponseEntity<MatchResource> log(@PathVariable UUID id, @Valid @RequestBody LogRequest request) {
        LogKind kind = request.kind() == null ? LogKind.MEETING : request.kind();
        Match match = matches.log(id, kind, request.heldOn(), request.hours(), request.note());
        return ResponseEntity.created(URI.create("/api/v1/matches/buddy/" + id)).body(resource(match, null));
    }

    private MatchResource resource(Match m, @Nullable List<LogResource> log) {
        return new MatchResource(m.id(), m.status().name(), m.requestId(), m.personId(), m.volunteerId(),
                m.role().name(), m.score(), m.proposedOn(), m.introducedOn(), m.startedOn(), m.endedOn(), m.endReason(),
                m.meetings(), m.hours(), m.checkInDue(settings.current()), log);
    }

}
