package nl.meedoen.residents.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.residents.EndReason;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.internal.Person;
import nl.meedoen.residents.internal.PersonData;
import nl.meedoen.residents.internal.PersonFiles;
import nl.meedoen.residents.internal.Persons;
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

/**
 * Persons over JSON. Updates need the {@code ETag} of the version they change in
 * {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1/persons")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
@Tag(name = "Persons", description = """
        A person's file (dossier) in the caller's municipality: register, read, change, end and search. \
        Caseworkers and team leads only; another municipality's person answers 404 exactly like a missing one. \
        Every read and change is written to the processing log.""")
class PersonApi {

    record PersonPage(List<PersonResource> items, int page, int size, long totalItems) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ending(@NotNull(message = "{person.endedOn.required}") @Nullable LocalDate endedOn,
            @NotNull(message = "{person.endReason.required}") @Nullable EndReason endReason) {
    }

    /**
     * A search in the body, never in the address: by BSN (or V-number) in {@code bsn}, or
     * by name or number in {@code q}; paged as the list.
     */
    record SearchInput(@Nullable String bsn, @Nullable String q, @Nullable Integer page, @Nullable Integer size,
            @Nullable Boolean includeEnded) {
    }

    private final PersonFiles files;

    private final AuditLog audit;

    PersonApi(PersonFiles files, AuditLog audit) {
        this.files = files;
        this.audit = audit;
    }

    @PostMapping
    @Operation(summary = "Register a person", description = """
            Registers a person with a valid BSN (eleven test) or a V-number, or both. Answers 201 with Location and \
            ETag. A BSN or V-number already on a file of the municipality answers 409 without naming that person; \
            invalid fields answer 400 with errors[{field, message}].""")
    ResponseEntity<PersonResource> register(@Valid @RequestBody PersonData data) {
        Person person = files.register(data, null);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + person.id()))
            .eTag(IfMatch.etag(person.version()))
            .body(PersonResource.of(person));
    }

    @ShowsPersonData
    @GetMapping("/{id}")
    @Operation(summary = "Read a file", description = """
            The person's recorded data with the ETag of its version; the read is logged (READ). 404 for an unknown \
            person or one of another municipality.""")
    ResponseEntity<PersonResource> open(@PathVariable UUID id) {
        Person person = files.open(id);
        audit.read(AuditAction.READ, id);
        return ResponseEntity.ok().eTag(IfMatch.etag(person.version())).body(PersonResource.of(person));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a file", description = """
            Replaces the recorded data; read-only fields in the body are ignored. Needs If-Match with the ETag of \
            the version changed: 428 without it, 412 when it is not the current version. Answers the new ETag.""")
    ResponseEntity<PersonResource> change(@PathVariable UUID id, IfMatch ifMatch, @Valid @RequestBody PersonData data) {
        Person person = files.change(id, ifMatch.required(), data);
        return ResponseEntity.ok().eTag(IfMatch.etag(person.version())).body(PersonResource.of(person));
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "End a file", description = """
            Ends the file on a date that is not in the future, with a reason (moved away, deceased, closed); a file \
            is never deleted. Needs If-Match: 428 without it, 412 when stale. A file already ended answers 409.""")
    ResponseEntity<PersonResource> end(@PathVariable UUID id, IfMatch ifMatch, @Valid @RequestBody Ending ending) {
        Person person = files.end(id, ifMatch.required(), ending.endedOn(), ending.endReason());
        return ResponseEntity.ok().eTag(IfMatch.etag(person.version())).body(PersonResource.of(person));
    }

    @ShowsPersonData
    @GetMapping
    @Operation(summary = "Search persons", description = """
            By the start of the words of the name (case and accents ignored); ended files only with includeEnded. \
            Paged (size at most 100), by family name. A BSN or V-number (8 to 10 digits) in q answers 400: it \
            would stay in access logs and browser history; search by number with POST /api/v1/persons/search. \
            Every person returned is logged (SEARCH), whether found by name or listed with an empty query.""")
    PersonPage search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @RequestParam(defaultValue = "false") boolean includeEnded) {
        if (Residents.identifiesByNumber(q)) {
            throw new InvalidInputException("q", "persons.search.numberByPost");
        }
        return found(q, page, size, includeEnded);
    }

    @PostMapping("/search")
    @Operation(summary = "Search persons by BSN, V-number or name", description = """
            The same search and the same answer as GET /api/v1/persons, with the query in the body so that a BSN \
            never appears in an address: bsn (a BSN or V-number) or q (a name or number); page, size (at most \
            100) and includeEnded as in the list. A bsn that is not 8 to 10 digits answers 400 (field bsn). Every \
            person returned is logged (SEARCH).""")
    PersonPage searchByPost(@RequestBody SearchInput input) {
        String query;
        if (input.bsn() != null) {
            if (!Residents.identifiesByNumber(input.bsn())) {
                throw new InvalidInputException("bsn", "persons.search.bsnInvalid");
            }
            query = input.bsn();
        }
        else {
            query = input.q() == null ? "" : input.q();
        }
        return found(query, input.page() == null ? 0 : input.page(), input.size() == null ? 20 : input.size(),
                Boolean.TRUE.equals(input.includeEnded()));
    }

    private PersonPage found(String q, int page, int size, boolean includeEnded) {
        int safePage = Math.max(page, 0);
        int safeSize = Math.min(Math.max(size, 1), 100);
        Persons.Found found = files.search(q, includeEnded, safePage, safeSize);
        audit.read(AuditAction.SEARCH, found.items().stream().map(Person::id).toList());
        return new PersonPage(found.items().stream().map(PersonResource::of).toList(), safePage, safeSize,
                found.total());
    }

}
