package nl.meedoen.network.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import nl.meedoen.network.internal.MatchRequests;
import nl.meedoen.network.internal.MatchRequests.Draft;
import nl.meedoen.network.internal.MatchRequests.MatchRequest;
import nl.meedoen.network.internal.Matching;
import nl.meedoen.network.internal.Scoring.Scored;
import nl.meedoen.network.internal.Volunteers;
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
class MatchRequestApi {

    /**
     * Preferences about the volunteer: a preferred gender, or {@code sameGender} for the
     * person's own gender as their file records it.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Preferences(@Nullable String gender, @Nullable Boolean sameGender) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MatchRequestBody(@Nullable String role,
            @Size(max = 12, message = "{network.language.tooMany}") @Nullable List<String> languages,
            @Size(max = 12, message = "{network.country.tooMany}") @Nullable List<String> countries,
            @Size(max = 20, message = "{network.words.tooMany}") @Nullable List<String> interests,
            @Nullable List<String> availability, @Nullable String postcode, @Nullable Preferences preferences,
            @Size(max = 2000, message = "{field.tooLong}") @Nullable String notes) {

        /**
         * The same request near the person's own postcode (from the file) when none was
         * given.
         */
        MatchRequestBody withPostcode(@Nullable String personsPostcode) {
            return new MatchRequestBody(role, languages, countries, interests, availability, personsPostcode,
                    preferences, notes);
        }

        Draft draft(@Nullable Gender personsGender) {
            Gender preferred = preferences == null ? null : Boolean.TRUE.equals(preferences.sameGender())
                    ? personsGender : Inputs.gender(preferences.gender(), "preferences.gender");
            return new Draft(Inputs.role(role, "role"), Inputs.languageCodes(languages, "languages"),
                    Inputs.countryCodes(countries, "countries"), VolunteerApi.words(interests),
                    Inputs.availability(availability, "availability"), VolunteerApi.blank(postcode), preferred, notes);
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

    MatchRequestApi(MatchRequests requests, Matching matching, Volunteers volunteers, Residents residents) {
        this.residents = residents;
        this.requests = requests;
        this.matching = matching;
        this.volunteers = volunteers;
    }

    @PostMapping("/api/v1/persons/{personId}/match-requests")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    ResponseEntity<Created> request(@PathVariable UUID personId, @Valid @RequestBody MatchRequestBody body) {
        Gender gender = residents.find(personId).map(Residents.Resident::gender).orElse(null);
        MatchRequestBody complete = body.postcode() != null && !body.postcode().isBlank() ? body
                : body.withPostcode(residents.contact(personId).map(Residents.Contact::postcode).orElse(null));
        UUID id = requests.request(personId, complete.draft(gender));
        return ResponseEntity.created(URI.create("/api/v1/match-requests/" + id)).body(new Created(id));
    }

    @GetMapping("/api/v1/match-requests/{id}")
    MatchRequestResource find(@PathVariable UUID id) {
        return MatchRequestResource.of(requests.find(id).orElseThrow(NotFoundException::new));
    }

    @GetMapping("/api/v1/match-requests/{id}/candidates")
    Map<String, List<CandidateResource>> candidates(@PathVariable UUID id,
            @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > 100) {
            throw new InvalidInputException("limit", "network.candidates.limit");
        }
        List<Scored> best = matching.candidates(id, limit);
        var names = volunteers.findAll(best.stream().map(Scored::volunteerId).toList());
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
