package nl.meedoen.provisions.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.provisions.Domain;
import nl.meedoen.provisions.PartnerKind;
import nl.meedoen.provisions.internal.PartnerDetails;
import nl.meedoen.provisions.internal.ProvisionDetails;
import nl.meedoen.provisions.internal.ProvisionDirectory;
import nl.meedoen.provisions.internal.ProvisionInput;
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
 * The provision directory over JSON: everyone logged in searches it; only an
 * administrator adds or changes provisions and partner organisations.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Provision directory", description = """
        The social map of the municipality: partner organisations and their provisions by domain, language \
        and free text. Everyone logged in searches it; only an administrator adds or changes provisions and \
        partners. It holds no personal data of residents.""")
class ProvisionApi {

    /**
     * A provision as entered; its rules are the same as for a form or a CSV row, every
     * broken one reported with its field (an unknown domain too).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProvisionBody(@Nullable String partnerId, @Nullable String name, @Nullable String description,
            @Nullable String domain, @Nullable String targetGroup, @Nullable List<String> languages,
            @Nullable String cost, @Nullable String accessibility, @Nullable String location,
            @Nullable String openingHours, @Nullable String howToApply, @Nullable Boolean active) {

        ProvisionInput input() {
            return new ProvisionInput(partnerId, name, description, domain, targetGroup, languages, cost, accessibility,
                    location, openingHours, howToApply, active == null || active);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PartnerBody(@Nullable String name, @Nullable PartnerKind kind,
            @Size(max = 200, message = "{field.tooLong}") @Nullable String contactName,
            @Size(max = 200, message = "{field.tooLong}") @Nullable String email,
            @Size(max = 50, message = "{field.tooLong}") @Nullable String phone,
            @Size(max = 200, message = "{field.tooLong}") @Nullable String street,
            @Size(max = 20, message = "{field.tooLong}") @Nullable String houseNumber,
            @Size(max = 10, message = "{field.tooLong}") @Nullable String postcode,
            @Size(max = 100, message = "{field.tooLong}") @Nullable String city) {
    }

    record Item(UUID id, String name, UUID partnerId, String domain, List<String> languages) {
    }

    record Resource(UUID id, String name, UUID partnerId, String partnerName, String description, String domain,
            @Nullable String targetGroup, List<String> languages, @Nullable String cost, @Nullable String accessibility,
            @Nullable String location, @Nullable String openingHours, @Nullable String howToApply, boolean active) {

        static Resource of(ProvisionDetails p) {
            return new Resource(p.id(), p.name(), p.partnerId(), p.partnerName(), p.description(), p.domain().name(),
                    p.targetGroup(), p.languages(), p.cost(), p.accessibility(), p.location(), p.openingHours(),
                    p.howToApply(), p.active());
        }
    }

    record PartnerResource(UUID id, String name, String kind, @Nullable String contactName, @Nullable String email,
            @Nullable String phone, @Nullable String street, @Nullable String houseNumber, @Nullable String postcode,
            @Nullable String city) {

        static PartnerResource of(PartnerDetails p) {
            return new PartnerResource(p.id(), p.name(), p.kind().name(), p.contactName(), p.email(), p.phone(),
                    p.street(), p.houseNumber(), p.postcode(), p.city());
        }
    }

    private final ProvisionDirectory directory;

    ProvisionApi(ProvisionDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/provisions")
    @Operation(summary = "Search the provision directory",
            description = "Everyone logged in. Active provisions, filtered by domain, language (ISO 639 code) and "
                    + "free text in the name, description, partner, target group and location; an unknown domain "
                    + "is a 400.")
    Map<String, List<Item>> search(@RequestParam(required = false) @Nullable Domain domain,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(required = false) @Nullable String q) {
        return Map.of("items",
                directory.search(new ProvisionDirectory.Query(domain, language, q, false))
                    .stream()
                    .map(p -> new Item(p.id(), p.name(), p.partnerId(), p.domain().name(), p.languages()))
                    .toList());
    }

    @GetMapping("/provisions/{id}")
    @Operation(summary = "Read a provision",
            description = "Everyone logged in. The ETag carries the version to send back in If-Match when "
                    + "changing it; 404 for a provision of another municipality.")
    ResponseEntity<Resource> provision(@PathVariable UUID id) {
        ProvisionDetails details = directory.details(id).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok().eTag(IfMatch.etag(details.version())).body(Resource.of(details));
    }

    @PostMapping("/provisions")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add a provision",
            description = "Administrators only. A known partner, a name, a description and a domain are required; "
                    + "languages are ISO 639 codes. Every broken rule is reported at once (400 with the fields). "
                    + "Answers 201 with the provision and its ETag.")
    ResponseEntity<Resource> create(@RequestBody ProvisionBody body) {
        ProvisionDetails created = directory.create(body.input());
        return ResponseEntity.created(URI.create("/api/v1/provisions/" + created.id()))
            .eTag(IfMatch.etag(created.version()))
            .body(Resource.of(created));
    }

    @PutMapping("/provisions/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a provision",
            description = "Administrators only. Needs If-Match with the ETag of the last read: 428 without it, 412 "
                    + "when someone else changed the provision since. The rules are those of adding (400).")
    ResponseEntity<Resource> update(@PathVariable UUID id, IfMatch ifMatch, @RequestBody ProvisionBody body) {
        ProvisionDetails updated = directory.update(id, ifMatch.required(), body.input());
        return ResponseEntity.ok().eTag(IfMatch.etag(updated.version())).body(Resource.of(updated));
    }

    @GetMapping("/partners")
    @Operation(summary = "List the partner organisations", description = "Everyone logged in.")
    Map<String, List<PartnerResource>> partners() {
        return Map.of("items", directory.partners().stream().map(PartnerResource::of).toList());
    }

    @PostMapping("/partners")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add a partner organisation",
            description = "Administrators only. A name (at most 200 characters) and a kind are required (400); a "
                    + "name the municipality has already is a 409. Answers 201 with the partner.")
    ResponseEntity<PartnerResource> createPartner(@Valid @RequestBody PartnerBody body) {
        PartnerDetails created = directory.createPartner(body.name(), body.kind(), body.contactName(), body.email(),
                body.phone(), body.street(), body.houseNumber(), body.postcode(), body.city());
        return ResponseEntity.created(URI.create("/api/v1/partners/" + created.id())).body(PartnerResource.of(created));
    }

}
