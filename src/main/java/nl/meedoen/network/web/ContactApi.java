package nl.meedoen.network.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.network.ContactKind;
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
@Tag(name = "Own network", description = """
        A person's own network as the caseworker records it: family, friends, buddies, people with a similar \
        background and contacts at clubs. Other modules see only the count.""")
class ContactApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ContactRequest(@NotNull(message = "{network.contact.kind.unknown}") @Nullable ContactKind kind,
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

    private final AuditLog audit;

    ContactApi(Contacts contacts, AuditLog audit) {
        this.contacts = contacts;
        this.audit = audit;
    }

    @ShowsPersonData
    @GetMapping
    @Operation(summary = "A person's own network",
            description = "Caseworkers and team leads. The contacts, current ones first, and the count of current "
                    + "contacts with the buddy matches that were introduced or are active, also per kind; logged "
                    + "as a read of the person's network. 404 for a person of another municipality.")
    Network network(@PathVariable UUID personId) {
        var items = contacts.ofPerson(personId)
            .stream()
            .map(c -> new ContactResource(c.id(), c.kind().name(), c.name(), c.note(), c.since(), c.endedOn()))
            .toList();
        Map<String, Integer> byKind = new TreeMap<>();
        contacts.contactCountByKind(personId).forEach((k, v) -> byKind.put(k.name(), v));
        audit.read(AuditAction.NETWORK_READ, personId);
        return new Network(contacts.contactCount(personId), byKind, items);
    }

    @PostMapping
    @Operation(summary = "Add a contact to a person's own network",
            description = "Caseworkers and team leads. kind is FAMILY, FRIEND, BUDDY, SIMILAR_BACKGROUND or CLUB; "
                    + "a name is required, since may not be in the future (400). Answers 201 with the id.")
    ResponseEntity<Created> add(@PathVariable UUID personId, @Valid @RequestBody ContactRequest request) {
        UUID id = contacts.add(personId, request.kind(), request.name(), request.note(), request.since());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/contacts")).body(new Created(id));
    }

}
