package nl.meedoen.residents.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.VersionRequiredException;
import nl.meedoen.residents.EndReason;
import nl.meedoen.residents.internal.Person;
import nl.meedoen.residents.internal.PersonData;
import nl.meedoen.residents.internal.PersonFiles;
import nl.meedoen.residents.internal.Persons;
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
 * Persons over JSON. Updates need the {@code ETag} of the version they change in
 * {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/persons")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class PersonApi {

    record PersonPage(List<PersonResource> items, int page, int size, long totalItems) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ending(
            @NotNull(message = "{person.endedOn.required}") @PastOrPresent(
                    message = "{date.future}") @Nullable LocalDate endedOn,
            @NotNull(message = "{person.endReason.required}") @Nullable EndReason endReason) {
    }

    private final PersonFiles files;

    PersonApi(PersonFiles files) {
        this.files = files;
    }

    @PostMapping
    ResponseEntity<PersonResource> register(@Valid @RequestBody PersonData data) {
        Person person = files.register(data, null);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + person.id()))
            .eTag(etag(person))
            .body(PersonResource.of(person));
    }

    @GetMapping("/{id}")
    ResponseEntity<PersonResource> open(@PathVariable UUID id) {
        Person person = files.open(id);
        return ResponseEntity.ok().eTag(etag(person)).body(PersonResource.of(person));
    }

    @PutMapping("/{id}")
    ResponseEntity<PersonResource> change(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody PersonData data) {
        Person person = files.change(id, version(ifMatch), data);
        return ResponseEntity.ok().eTag(etag(person)).body(PersonResource.of(person));
    }

    @PostMapping("/{id}/end")
    ResponseEntity<PersonResource> end(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody Ending ending) {
        Person person = files.end(id, version(ifMatch), ending.endedOn(), ending.endReason());
        return ResponseEntity.ok().eTag(etag(person)).body(PersonResource.of(person));
    }

    @GetMapping
    PersonPage search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "false") boolean includeEnded) {
        int safePage = Math.max(page, 0);
        int safeSize = Math.min(Math.max(size, 1), 100);
        Persons.Found found = files.search(q.length() > 200 ? q.substring(0, 200) : q, includeEnded, safePage,
                safeSize);
        return new PersonPage(found.items().stream().map(PersonResource::of).toList(), safePage, safeSize,
                found.total());
    }

    static String etag(Person person) {
        return "\"" + person.version() + "\"";
    }

    /**
     * The version named by {@code If-Match}: 428 without one, 412 when it cannot be a
     * version of ours.
     */
    static int version(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequiredException();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Integer.parseInt(tag);
        }
        catch (NumberFormatException ex) {
            throw new StaleVersionException();
        }
    }

}
