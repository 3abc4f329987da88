package nl.meedoen.network.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.meedoen.network.internal.Volunteers;
import nl.meedoen.network.internal.Volunteers.Draft;
import nl.meedoen.network.internal.Volunteers.Volunteer;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.VersionRequiredException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Volunteers over JSON, for the volunteer coordinator. Changes need the {@code ETag} in
 * {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/volunteers")
@PreAuthorize("hasRole('VOLUNTEER_COORDINATOR')")
class VolunteerApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VolunteerRequest(
            @NotBlank(message = "{network.volunteer.givenName.required}") @Size(max = 100,
                    message = "{field.tooLong}") @Nullable String givenName,
            @NotBlank(message = "{network.volunteer.familyName.required}") @Size(max = 100,
                    message = "{field.tooLong}") @Nullable String familyName,
            @Size(max = 200, message = "{field.tooLong}") @Nullable String organisation, @Nullable UUID personId,
            @Size(max = 200, message = "{field.tooLong}") @Nullable String email,
            @Size(max = 40, message = "{field.tooLong}") @Nullable String phone, @Nullable String postcode,
            @Size(max = 100, message = "{field.tooLong}") @Nullable String neighbourhood, @Nullable String gender,
            @Size(max = 12, message = "{network.language.tooMany}") @Nullable List<String> languages,
            @Nullable Map<String, String> languageLevels,
            @Size(max = 12, message = "{network.country.tooMany}") @Nullable List<String> countries,
            @Size(max = 20, message = "{network.words.tooMany}") @Nullable List<String> skills,
            @Size(max = 20, message = "{network.words.tooMany}") @Nullable List<String> interests,
            @Nullable List<String> availability, @Nullable List<String> roles, @Nullable LocalDate vogDate,
            @Min(value = 1, message = "{network.volunteer.maxMatches}") @Max(value = 10,
                    message = "{network.volunteer.maxMatches}") @Nullable Integer maxMatches,
            @Size(max = 1000, message = "{field.tooLong}") @Nullable String preferences) {

        Draft draft() {
            return new Draft(givenName, familyName, organisation, personId, email, phone, blank(postcode),
                    neighbourhood, Inputs.gender(gender, "gender"),
                    Inputs.languages(languages, languageLevels, "languages"),
                    Inputs.countryCodes(countries, "countries"), words(skills), words(interests),
                    Inputs.availability(availability, "availability"), Inputs.roles(roles, "roles"), vogDate,
                    maxMatches == null ? 1 : maxMatches, preferences);
        }
    }

    record Created(UUID id) {
    }

    record LanguageResource(String code, String level) {
    }

    record VolunteerResource(UUID id, String givenName, String familyName, @Nullable String organisation,
            @Nullable UUID personId, @Nullable String email, @Nullable String phone, @Nullable String postcode,
            @Nullable String neighbourhood, @Nullable String gender, List<LanguageResource> languages,
            List<String> countries, List<String> skills, List<String> interests, List<String> availability,
            Set<String> roles, @Nullable LocalDate vogDate, boolean vogValid, int maxMatches, int activeMatches,
            @Nullable String preferences, boolean active) {
    }

    private final Volunteers volunteers;

    private final nl.meedoen.network.internal.NetworkSettings settings;

    VolunteerApi(Volunteers volunteers, nl.meedoen.network.internal.NetworkSettings settings) {
        this.volunteers = volunteers;
        this.settings = settings;
    }

    @PostMapping
    ResponseEntity<Created> register(@Valid @RequestBody VolunteerRequest request) {
        UUID id = volunteers.register(request.draft());
        return ResponseEntity.created(URI.create("/api/v1/volunteers/" + id)).body(new Created(id));
    }

    @GetMapping
    Map<String, List<VolunteerResource>> list(@RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable String role) {
        var rules = settings.current();
        return Map.of("items",
                volunteers.list(q, role == null ? null : Inputs.role(role, "role"), 100)
                    .stream()
                    .map(v -> resource(v, rules))
                    .toList());
    }

    @GetMapping("/{id}")
    ResponseEntity<VolunteerResource> find(@PathVariable UUID id) {
        Volunteer volunteer = volunteers.find(id).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok()
            .eTag("\"" + volunteer.version() + "\"")
            .body(resource(volunteer, settings.current()));
    }

    @PutMapping("/{id}")
    ResponseEntity<VolunteerResource> change(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody VolunteerRequest request) {
        volunteers.change(id, version(ifMatch), request.draft());
        return find(id);
    }

    static VolunteerResource resource(Volunteer v, nl.meedoen.network.internal.NetworkSettings.Rules rules) {
        return new VolunteerResource(v.id(), v.givenName(), v.familyName(), v.organisation(), v.personId(), v.email(),
                v.phone(), v.postcode(), v.neighbourhood(), v.gender() == null ? null : v.gender().name(),
                v.languages().stream().map(l -> new LanguageResource(l.code(), l.level().name())).toList(),
                v.countries(), v.skills(), v.interests(), v.availability().stream().map(Enum::name).toList(),
                new java.util.TreeSet<>(v.roles().stream().map(Enum::name).toList()), v.vogDate(),
                rules.vogValidOn(v.vogDate(), LocalDate.now()), v.maxMatches(), v.activeMatches(), v.preferences(),
                v.active());
    }

    static List<String> words(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static int version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequiredException();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Integer.parseInt(tag.replace("\"", ""));
        }
        catch (NumberFormatException ex) {
            throw new StaleVersionException();
        }
    }

}
