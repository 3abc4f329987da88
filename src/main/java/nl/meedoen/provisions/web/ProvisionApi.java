package nl.meedoen.provisions.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.VersionRequiredException;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provision directory over JSON: everyone logged in searches it; only an
 * administrator adds or changes provisions and partner organisations.
 */
@RestController
@RequestMapping("/api/v1")
class ProvisionApi {

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
    record PartnerBody(
            @NotBlank(message = "{provisions.partner.name.required}") @Size(max = 200,
                    message = "{field.tooLong}") @Nullable String name,
            @Nullable String kind, @Size(max = 200, message = "{field.tooLong}") @Nullable String contactName,
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

    /** Active provisions, filtered by domain, language (ISO code) and free text. */
    @GetMapping("/provisions")
    Map<String, List<Item>> search(@RequestParam(required = false) @Nullable String domain,
            @RequestParam(required = false) @Nullable String language,
            @RequestParam(required = false) @Nullable String q) {
        var query = new ProvisionDirectory.Query(DirectoryPages.domain(domain), language, q, false);
        if (domain != null && !domain.isBlank() && query.domain() == null) {
            throw new InvalidInputException("domain", "provisions.domain.unknown");
        }
        return Map.of("items",
                directory.search(query)
                    .stream()
                    .map(p -> new Item(p.id(), p.name(), p.partnerId(), p.domain().name(), p.languages()))
                    .toList());
    }

    @GetMapping("/provisions/{id}")
    ResponseEntity<Resource> provision(@PathVariable UUID id) {
        ProvisionDetails details = directory.details(id).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok().eTag(Integer.toString(details.version())).body(Resource.of(details));
    }

    @PostMapping("/provisions")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Resource> create(@RequestBody ProvisionBody body) {
        ProvisionDetails created = directory.create(body.input());
        return ResponseEntity.created(URI.create("/api/v1/provisions/" + created.id()))
            .eTag(Integer.toString(created.version()))
            .body(Resource.of(created));
    }

    @PutMapping("/provisions/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Resource> update(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody ProvisionBody body) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequiredException();
        }
        int version;
        try {
            version = Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").strip());
        }
        catch (NumberFormatException ex) {
            throw new nl.meedoen.platform.StaleVersionException();
        }
        ProvisionDetails updated = directory.update(id, version, body.input());
        return ResponseEntity.ok().eTag(Integer.toString(updated.version())).body(Resource.of(updated));
    }

    @GetMapping("/partners")
    Map<String, List<PartnerResource>> partners() {
        return Map.of("items", directory.partners().stream().map(PartnerResource::of).toList());
    }

    @PostMapping("/partners")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<PartnerResource> createPartner(@Valid @RequestBody PartnerBody body) {
        PartnerKind kind = DirectoryPages.kind(body.kind());
        if (kind == null) {
            throw new InvalidInputException("kind", "provisions.partner.kind.unknown");
        }
        PartnerDetails created = directory.createPartner(body.name(), kind, body.contactName(), body.email(),
                body.phone(), body.street(), body.houseNumber(), body.postcode(), body.city());
        return ResponseEntity.created(URI.create("/api/v1/partners/" + created.id())).body(PartnerResource.of(created));
    }

}
