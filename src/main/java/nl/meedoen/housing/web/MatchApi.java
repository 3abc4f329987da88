package nl.meedoen.housing.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.housing.internal.HousingQuota;
import nl.meedoen.housing.internal.Matches;
import nl.meedoen.housing.internal.Placements;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Matches, the waiting list and placements over JSON: these name persons, so only
 * caseworkers and team leads.
 */
@RestController
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
@Tag(name = "Housing matches and placements", description = """
        COA matches (koppelingen) of persons to the municipality, the waiting list and placements in a home. \
        These name persons, so caseworkers and team leads only. Each match and placement is logged for every \
        person in it.""")
class MatchApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MatchRequest(
            @NotNull(message = "{housing.persons.required}") @Size(max = 30,
                    message = "{housing.persons.tooMany}") @Nullable List<UUID> personIds,
            @NotNull(message = "{housing.matchDate.required}") @Nullable LocalDate matchDate,
            @Nullable Boolean familyReunification) {
    }

    record MatchResource(UUID id, LocalDate matchDate, LocalDate housingDeadline, LocalDate moveDeadline,
            boolean familyReunification, List<UUID> personIds) {
    }

    record WaitingPerson(UUID id, String name) {
    }

    record WaitingResource(UUID matchId, LocalDate matchDate, LocalDate housingDeadline, LocalDate moveDeadline,
            boolean familyReunification, long daysLeft, boolean overdue, List<WaitingPerson> persons) {
    }

    record WaitingList(List<WaitingResource> items) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlacementRequest(
            @NotNull(message = "{housing.persons.required}") @Size(max = 30,
                    message = "{housing.persons.tooMany}") @Nullable List<UUID> personIds,
            @NotNull(message = "{housing.keyHandoverDate.required}") @Nullable LocalDate keyHandoverDate,
            @Nullable @Size(max = 300, message = "{field.tooLong}") String address) {
    }

    record PlacementResource(UUID id, LocalDate keyHandoverDate, @Nullable String address, String period,
            List<UUID> personIds) {
    }

    private final Matches matches;

    private final Placements placements;

    private final HousingQuota quota;

    private final AuditLog audit;

    MatchApi(Matches matches, Placements placements, HousingQuota quota, AuditLog audit) {
        this.matches = matches;
        this.placements = placements;
        this.quota = quota;
        this.audit = audit;
    }

    @PostMapping("/api/v1/matches")
    @Operation(summary = "Record a match", description = """
            Matches persons (a household: 1 to 30, each once) on a date not in the future. The housing and move \
            deadlines follow from the municipality's settings on that date and stay as set. A person matched \
            before answers 409; an unknown person or one of another municipality 404; bad input 400.""")
    ResponseEntity<MatchResource> match(@Valid @RequestBody MatchRequest request) {
        Matches.Match match = matches.match(request.personIds(), request.matchDate(),
                Boolean.TRUE.equals(request.familyReunification()));
        return ResponseEntity.created(URI.create("/api/v1/matches/" + match.id()))
            .body(new MatchResource(match.id(), match.matchDate(), match.housingDeadline(), match.moveDeadline(),
                    match.familyReunification(), match.personIds()));
    }

    /**
     * The waiting list: matched persons not yet housed, the earliest deadline (the
     * overdue ones) first.
     */
    @ShowsPersonData
    @GetMapping("/api/v1/matches")
    @Operation(summary = "The waiting list", description = """
            Matched persons not yet housed, by match, the earliest housing deadline (the overdue ones) first, with \
            the days left as of today (negative when overdue). Each person listed is logged (HOUSING_READ).""")
    WaitingList waitingList() {
        List<Matches.Waiting> waiting = matches.waitingList();
        audit.read(AuditAction.HOUSING_READ,
                waiting.stream().flatMap(w -> w.persons().stream()).map(p -> p.id()).toList());
        return new WaitingList(waiting.stream()
            .map(w -> new WaitingResource(w.matchId(), w.matchDate(), w.housingDeadline(), w.moveDeadline(),
                    w.familyReunification(), w.daysLeft(), w.overdue(),
                    w.persons().stream().map(p -> new WaitingPerson(p.id(), p.name())).toList()))
            .toList());
    }

    @PostMapping("/api/v1/placements")
    @Operation(summary = "Record a placement", description = """
            Matched persons get the keys to a home on a date not in the future and not before their match date \
            (400, field keyHandoverDate). Answers the period the placement counts toward. A person not matched or \
            placed before answers 409.""")
    ResponseEntity<PlacementResource> place(@Valid @RequestBody PlacementRequest request) {
        Placements.Placement placement = placements.place(request.personIds(), request.keyHandoverDate(),
                request.address());
        return ResponseEntity.created(URI.create("/api/v1/placements/" + placement.id()))
            .body(new PlacementResource(placement.id(), placement.keyHandoverDate(), placement.address(),
                    quota.countsToward(placement.keyHandoverDate()).toString(), placement.personIds()));
    }

}
