package nl.meedoen.network.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import nl.meedoen.network.VolunteerRole;
import nl.meedoen.network.internal.MatchRequests;
import nl.meedoen.network.internal.MatchRequests.Draft;
import nl.meedoen.network.internal.MatchRequests.MatchRequest;
import nl.meedoen.network.internal.Matching;
import nl.meedoen.network.internal.Scoring.Scored;
import nl.meedoen.network.internal.Volunteers;
import nl.meedoen.network.internal.WeekdayPart;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.residents.Gender;
import nl.meedoen.residents.Residents;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Match requests over JSON: caseworkers and team leads request a buddy for a person; they
 * and the volunteer coordinator read the ranked candidates with the explanation of each
 * score.
 */
@RestController
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD', 'VOLUNTEER_COORDINATOR')")
@Tag(name = "Match requests", description = """
        A request for a buddy for a person: the role wanted, languages, background, interests, when and where \
        they can meet and a preferred gender. The candidates are the volunteers who may be proposed (active, \
        with the role, a valid VOG, below their maximum load, not the person), ranked by the municipality's \
        weights per factor, each score explained. Reading a request or its candidates is logged as a read of \
        the person's network.""")
class MatchRequestApi {

    /**
     * Preferences about the volunteer: a preferred gender, or {@code sameGender} for the
     * person's own gender as their file records it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Preferences(@Nullable Gender gender, @Nullable Boolean sameGender) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MatchRequestBody(@NotNull(message = "{network.role.unknown}") @Nullable VolunteerRole role,
            @Size(max = 12, message = "{network.language.tooMany}") @Nullable List<String> languages,
            @Size(max = 12, message = "{network.country.tooMany}") @Nullable List<String> countries,
            @Size(max = 20, message = "{network.words.tooMany}") @Nullable List<String> interests,
            @Nullable Set<WeekdayPart> availability, @Nullable String postcode, @Nullable Preferences preferences,
            @Size(max = 2000, message = "{field.tooLong}") @Nullable String notes) {

        /**
         * The draft, near the person's own postcode (from the file) when none was given,
         * and with the person's own gender when asked for.
         */
        Draft draft(@Nullable String personsPostcode, @Nullable Gender personsGender) {
            Gender preferred = preferences == null ? null
                    : Boolean.TRUE.equals(preferences.sameGender()) ? personsGender : preferences.gender();
            String near = Inputs.blankToNull(postcode);
            return new Draft(role, Inputs.languageCodes(languages), Inputs.countryCodes(countries),
                    Inputs.words(interests), Inputs.availability(availability), near != null ? near : personsPostcode,
                    preferred, notes);
        }
    }

    record Created(UUID id) {
    }

    record PointsResource(String factor, int points, int weight, List<String> because) {
    }

    record CandidateResource(UUID volunteerId, String name, int score, List<PointsResource> explanation) {
    }

    record MatchRequestResource(UUID id, UUID personId, String role, List<String> languages, List<String> countries,
            List<String> interests, List<String> availability, @Nullable String postcode,
            @Nullable Map<String, String> preferences, @Nullable String notes, String status) {

        static MatchRequestResource of(MatchRequest r) {
            return new MatchRequestResource(r.id(), r.personId(), r.role().name(), r.languages(), r.countries(),
                    r.interests(), r.availability().stream().map(Enum::name).toList(), r.postcode(),
                    r.preferredGender() == null ? null : Map.of("gender", r.preferredGender().name()), r.notes(),
                    r.status().name());
        }
    }

    private final MatchRequests requests;

    private final Matching matching;

    private final Volunteers volunteers;

    private final Residents residents;

    private final AuditLog audit;

    MatchRequestApi(MatchRequests requests, Matching matching, Volunteers volunteers, Residents residents,
            AuditLog audit) {
        this.requests = requests;
        this.matching = matching;
        this.volunteers = volunteers;
        this.residents = residents;
        this.audit = audit;
    }

    @PostMapping("/api/v1/persons/{personId}/match-requests")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    @Operation(summary = "Request a buddy for a person",
            description = "Caseworkers and team leads. Without a postcode the request is near the person's own "
                    + "postcode from the file; preferences.sameGender asks for the person's own gender. Answers 201 "
                    + "with the id; an unknown role, language or country code or postcode is a 400 on its field, "
                    + "a person of another municipality a 404.")
    ResponseEntity<Created> request(@PathVariable UUID personId, @Valid @RequestBody MatchRequestBody body) {
        Gender gender = residents.find(personId).map(Residents.Resident::gender).orElse(null);
        String postcode = residents.contact(personId).map(Residents.Contact::postcode).orElse(null);
        UUID id = requests.request(personId, body.draft(postcode, gender));
        return ResponseEntity.created(URI.create("/api/v1/match-requests/" + id)).body(new Created(id));
    }

    @ShowsPersonData
    @GetMapping("/api/v1/match-requests/{id}")
    @Operation(summary = "Read a match request",
            description = "Caseworkers, team leads and the volunteer coordinator; logged as a read of the "
                    + "person's network. 404 for a request of another municipality.")
    MatchRequestResource find(@PathVariable UUID id) {
        MatchRequest request = requests.find(id).orElseThrow(NotFoundException::new);
        audit.read(AuditAction.NETWORK_READ, request.personId());
        return MatchRequestResource.of(request);
    }

    @ShowsPersonData
    @GetMapping("/api/v1/match-requests/{id}/candidates")
    @Operation(summary = "The ranked candidates for a match request",
            description = "Caseworkers, team leads and the volunteer coordinator. The best limit (1–100, 10 by "
                    + "default) volunteers who may be proposed, best first, each with its points per factor and "
                    + "what earned them; logged as a read of the person's network. A limit out of range is a 400.")
    Map<String, List<CandidateResource>> candidates(@PathVariable UUID id,
            @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > 100) {
            throw new InvalidInputException("limit", "network.candidates.limit");
        }
        MatchRequest request = requests.find(id).orElseThrow(NotFoundException::new);
        List<Scored> best = matching.rank(request, limit);
        var names = volunteers.findAll(best.stream().map(Scored::volunteerId).toList());
        audit.read(AuditAction.NETWORK_READ, request.personId());
        return Map.of("items",
                best.stream()
                    .map(s -> new CandidateResource(s.volunteerId(), names.get(s.volunteerId()).name(), s.score(),
                            s.explanation()
                                .stream()
                                .map(p -> new PointsResource(p.factor().name(), p.points(), p.weight(), p.because()))
                                .toList()))
                    .toList());
    }

}
