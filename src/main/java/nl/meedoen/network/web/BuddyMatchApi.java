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
import nl.meedoen.network.internal.BuddyMatches;
import nl.meedoen.network.internal.BuddyMatches.LogKind;
import nl.meedoen.network.internal.BuddyMatches.Match;
import nl.meedoen.network.internal.NetworkSettings;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
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
class BuddyMatchApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProposalRequest(@NotNull(message = "{network.match.requestUnknown}") @Nullable UUID matchRequestId,
            @NotNull(message = "{network.match.volunteerUnknown}") @Nullable UUID volunteerId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatusRequest(@Nullable String status, @Nullable LocalDate date,
            @Size(max = 1000, message = "{field.tooLong}") @Nullable String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LogRequest(@Nullable String kind,
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

    BuddyMatchApi(BuddyMatches matches, NetworkSettings settings) {
        this.matches = matches;
        this.settings = settings;
    }

    @PostMapping
    ResponseEntity<MatchResource> propose(@Valid @RequestBody ProposalRequest request) {
        Match match = matches.propose(request.matchRequestId(), request.volunteerId());
        return ResponseEntity.created(URI.create("/api/v1/matches/buddy/" + match.id())).body(resource(match, null));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('VOLUNTEER_COORDINATOR', 'CASEWORKER', 'TEAM_LEAD')")
    MatchResource find(@PathVariable UUID id) {
        Match match = matches.find(id).orElseThrow(NotFoundException::new);
        return resource(match,
                matches.entries(id)
                    .stream()
                    .map(e -> new LogResource(e.kind().name(), e.heldOn(), e.hours(), e.note()))
                    .toList());
    }

    @PostMapping("/{id}/status")
    MatchResource move(@PathVariable UUID id, @Valid @RequestBody StatusRequest request) {
        return resource(matches.move(id, Inputs.status(request.status(), "status"), request.date(), request.reason()),
                null);
    }

    @PostMapping("/{id}/log")
    ResponseEntity<MatchResource> log(@PathVariable UUID id, @Valid @RequestBody LogRequest request) {
        LogKind kind;
        try {
            kind = LogKind.valueOf(request.kind() == null ? "MEETING" : request.kind().strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("kind", "network.log.kind.unknown");
        }
        Match match = matches.log(id, kind, request.heldOn(), request.hours(), request.note());
        return ResponseEntity.created(URI.create("/api/v1/matches/buddy/" + id)).body(resource(match, null));
    }

    private MatchResource resource(Match m, @Nullable List<LogResource> log) {
        return new MatchResource(m.id(), m.status().name(), m.requestId(), m.personId(), m.volunteerId(),
                m.role().name(), m.score(), m.proposedOn(), m.introducedOn(), m.startedOn(), m.endedOn(), m.endReason(),
                m.meetings(), m.hours(), m.checkInDue(settings.current()), log);
    }

}
