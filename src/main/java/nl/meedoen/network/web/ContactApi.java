package nl.meedoen.network.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.meedoen.network.internal.Contacts;
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
 * A person's own network over JSON, for caseworkers and team leads: the contacts and
 * their count.
 */
@RestController
@RequestMapping("/api/v1/persons/{personId}/contacts")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class ContactApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContactRequest(@Nullable String kind,
            @NotBlank(message = "{network.contact.name.required}") @Size(max = 200,
                    message = "{field.tooLong}") @Nullable String name,
            @Size(max = 1000, message = "{field.tooLong}") @Nullable String note, @Nullable LocalDate since) {
    }

    record Created(UUID id) {
    }

    record ContactResource(UUID id, String kind, String name, @Nullable String note, @Nullable LocalDate since,
            @Nullable LocalDate endedOn) {
    }

    record Network(int count, Map<String, Integer> countByKind, List<ContactResource> items) {
    }

    private final Contacts contacts;

    ContactApi(Contacts contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    Network network(@PathVariable UUID personId) {
        var items = contacts.ofPerson(personId)
            .stream()
            .map(c -> new ContactResource(c.id(), c.kind().name(), c.name(), c.note(), c.since(), c.endedOn()))
            .toList();
        Map<String, Integer> byKind = new java.util.TreeMap<>();
        contacts.contactCountByKind(personId).forEach((k, v) -> byKind.put(k.name(), v));
        return new Network(contacts.contactCount(personId), byKind, items);
    }

    @PostMapping
    ResponseEntity<Created> add(@PathVariable UUID personId, @Valid @RequestBody ContactRequest request) {
        UUID id = contacts.add(personId, Inputs.contactKind(request.kind(), "kind"), request.name(), request.note(),
                request.since());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/contacts")).body(new Created(id));
    }

}
