package nl.meedoen.network.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import nl.meedoen.network.VolunteerRole;
import nl.meedoen.network.internal.NetworkSettings;
import nl.meedoen.network.internal.ContactSharing;
import nl.meedoen.network.internal.Volunteers;
import nl.meedoen.network.internal.Volunteers.Draft;
import nl.meedoen.network.internal.Volunteers.Volunteer;
import nl.meedoen.network.internal.WeekdayPart;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.residents.Gender;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Volunteers over JSON, for the volunteer coordinator. */
@RestController
@RequestMapping("/api/v1/volunteers")
@PreAuthorize("hasRole('VOLUNTEER_COORDINATOR')")
@Tag(name = "Volunteers", description = """
        The volunteers of the municipality (own network), for the volunteer coordinator only: who they are, \
        the languages they speak (with a level), their roles, availability, certificate of conduct (VOG) and \
        how many matches they take.""")
class VolunteerApi {

    /**
     * A volunteer as entered. The names and lengths, the ISO codes, the VOG date and the
     * load are the domain's rules; an unknown role is a 400 on {@code roles}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record VolunteerRequest(@Nullable String givenName, @Nullable String familyName, @Nullable String organisation,
            @Nullable UUID personId, @Nullable String email, @Nullable String phone, @Nullable String postcode,
            @Nullable String neighbourhood, @Nullable Gender gender,
            @Size(max = 12, message = "{network.language.tooMany}") @Nullable List<String> languages,
            @Nullable Map<String, String> languageLevels,
            @Size(max = 12, message = "{network.country.tooMany}") @Nullable List<String> countries,
            @Size(max = 20, message = "{network.words.tooMany}") @Nullable List<String> skills,
            @Size(max = 20, message = "{network.words.tooMany}") @Nullable List<String> interests,
            @Nullable Set<WeekdayPart> availability, @Nullable List<String> roles, @Nullable LocalDate vogDate,
            @Nullable Integer maxMatches, @Nullable String preferences) {

        Draft draft() {
            return new Draft(givenName, familyName, organisation, personId, email, phone, Inputs.blankToNull(postcode),
                    neighbourhood, gender, Inputs.languages(languages, languageLevels), Inputs.countryCodes(countries),
                    Inputs.words(skills), Inputs.words(interests), Inputs.availability(availability),
                    Inputs.roles(roles), vogDate, maxMatches == null ? 1 : maxMatches, preferences);
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

        static VolunteerResource of(Volunteer v, NetworkSettings.Rules rules, LocalDate today) {
            return new VolunteerResource(v.id(), v.givenName(), v.familyName(), v.organisation(), v.personId(),
                    v.email(), v.phone(), v.postcode(), v.neighbourhood(),
                    v.gender() == null ? null : v.gender().name(),
                    v.languages().stream().map(l -> new LanguageResource(l.code(), l.level().name())).toList(),
                    v.countries(), v.skills(), v.interests(), v.availability().stream().map(Enum::name).toList(),
                    new TreeSet<>(v.roles().stream().map(Enum::name).toList()), v.vogDate(),
                    rules.vogValidOn(v.vogDate(), today), v.maxMatches(), v.activeMatches(), v.preferences(),
                    v.active());
        }
    }

    /** What of the volunteer's contact the matched persons see in Mijn Meedoen. */
    record ContactSharingResource(boolean phone, boolean email) {
    }

    private final Volunteers volunteers;

    private final ContactSharing sharing;

    private final NetworkSettings settings;

    private final Clock clock;

    VolunteerApi(Volunteers volunteers, ContactSharing sharing, NetworkSettings settings, Clock clock) {
        this.volunteers = volunteers;
        this.sharing = sharing;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Register a volunteer",
            description = "Volunteer coordinator only. Answers 201 with the new id. A broken rule (a name missing, "
                    + "an unknown language or country code, no role, a VOG date in the future, a maximum load "
                    + "outside 1–10, an unknown linked person) answers 400 with the field.")
    ResponseEntity<Created> register(@Valid @RequestBody VolunteerRequest request) {
        UUID id = volunteers.register(request.draft());
        return ResponseEntity.created(URI.create("/api/v1/volunteers/" + id)).body(new Created(id));
    }

    @GetMapping
    @Operation(summary = "List volunteers",
            description = "Volunteer coordinator only. Volunteers whose name starts with q, with the role when "
                    + "given, active ones first; at most 100. vogValid says whether the VOG is valid today.")
    Map<String, List<VolunteerResource>> list(@RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) @Nullable VolunteerRole role) {
        NetworkSettings.Rules rules = settings.current();
        LocalDate today = LocalDate.now(clock);
        return Map.of("items",
                volunteers.list(q, role, 100).stream().map(v -> VolunteerResource.of(v, rules, today)).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a volunteer",
            description = "Volunteer coordinator only. The ETag carries the version to send back in If-Match "
                    + "when changing the volunteer; 404 for a volunteer of another municipality.")
    ResponseEntity<VolunteerResource> find(@PathVariable UUID id) {
        Volunteer volunteer = volunteers.find(id).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok()
            .eTag(IfMatch.etag(volunteer.version()))
            .body(VolunteerResource.of(volunteer, settings.current(), LocalDate.now(clock)));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a volunteer",
            description = "Volunteer coordinator only. Needs If-Match with the ETag of the last read: 428 without "
                    + "it, 412 when someone else changed the volunteer since. Broken rules answer 400 as on "
                    + "registering.")
    ResponseEntity<VolunteerResource> change(@PathVariable UUID id, IfMatch ifMatch,
            @Valid @RequestBody VolunteerRequest request) {
        volunteers.change(id, ifMatch.required(), request.draft());
        return find(id);
    }

    @PutMapping("/{id}/contact-sharing")
    @Operation(summary = "Record what contact the volunteer agreed to share",
            description = "Volunteer coordinator only. {phone, email}: whether the persons matched with the "
                    + "volunteer see the volunteer's phone number and e-mail address in Mijn Meedoen (both false "
                    + "until the volunteer agrees; they always see the first name only). Needs If-Match with the "
                    + "volunteer's ETag: 428 without it, 412 when someone else changed the volunteer since. Answers "
                    + "the sharing with the volunteer's new ETag.")
    ResponseEntity<ContactSharingResource> share(@PathVariable UUID id, IfMatch ifMatch,
            @RequestBody ContactSharingResource request) {
        int version = sharing.change(id, ifMatch.required(), request.phone(), request.email());
        ContactSharing.Shared shared = sharing.sharing(id);
        return ResponseEntity.ok()
            .eTag(IfMatch.etag(version))
            .body(new ContactSharingResource(shared.phone(), shared.email()));
    }

}
