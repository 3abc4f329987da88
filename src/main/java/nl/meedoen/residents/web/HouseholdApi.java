package nl.meedoen.residents.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.residents.HouseholdRole;
import nl.meedoen.residents.internal.Households;
import nl.meedoen.residents.internal.Households.Household;
import nl.meedoen.residents.internal.Households.Membership;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Households over JSON. */
@RestController
@RequestMapping("/api/v1/households")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
@Tag(name = "Households",
        description = """
                People who live together, each with a role (head, partner, child, other). A person belongs to at most one         household at a time and a household has at most one head. Caseworkers and team leads only; membership         changes are logged (HOUSEHOLD) for the person concerned.""")
class HouseholdApi {

    record MemberInput(@NotNull(message = "{household.member.person.required}") @Nullable UUID personId,
            @NotNull(message = "{household.member.role.required}") @Nullable HouseholdRole role) {
    }

    record Composition(@NotEmpty(message = "{household.members.required}") @Size(max = 30,
            message = "{household.members.tooMany}") @Nullable List<@Valid MemberInput> members) {
    }

    record MemberResource(UUID personId, HouseholdRole role, LocalDate since, String name, LocalDate dateOfBirth,
            int age) {
    }

    record HouseholdResource(UUID id, int version, List<MemberResource> members) {

        static HouseholdResource of(Household household, LocalDate today) {
            return new HouseholdResource(household.id(), household.version(),
                    household.members()
                        .stream()
                        .map(m -> new MemberResource(m.personId(), m.role(), m.since(), m.name(), m.dateOfBirth(),
                                m.ageOn(today)))
                        .toList());
        }
    }

    private final Households households;

    private final AuditLog audit;

    private final Clock clock;

    HouseholdApi(Households households, AuditLog audit, Clock clock) {
        this.households = households;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Compose a household", description = """
            Creates a household of persons of the municipality, each named once with a role. No members, a person \
            twice or two heads answer 400 (field members); a person already in a household answers 409; an \
            unknown person or one of another municipality 404.""")
    ResponseEntity<HouseholdResource> create(@Valid @RequestBody Composition composition) {
        Household household = households
            .create(composition.members().stream().map(m -> new Membership(m.personId(), m.role())).toList());
        return ResponseEntity.created(URI.create("/api/v1/households/" + household.id())).body(resource(household));
    }

    @ShowsPersonData
    @GetMapping("/{id}")
    @Operation(summary = "Read a household", description = """
            The members with role, since and age; the read is logged (READ) for every member. 404 for a household \
            of another municipality.""")
    ResponseEntity<HouseholdResource> open(@PathVariable UUID id) {
        Household household = households.open(id);
        audit.read(AuditAction.READ, household.personIds());
        return tagged(household);
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Add a member", description = """
            Adds a person with a role; the same rules as composing (400, 409, 404). Needs If-Match with the \
            household's ETag: 428 without it, 412 when the household changed since it was read.""")
    ResponseEntity<HouseholdResource> add(@PathVariable UUID id, IfMatch ifMatch,
            @Valid @RequestBody MemberInput member) {
        return tagged(households.add(id, new Membership(member.personId(), member.role()), ifMatch.required()));
    }

    @DeleteMapping("/{id}/members/{personId}")
    @Operation(summary = "Remove a member", description = """
            Takes the person out of the household; 404 when they are not a member. Needs If-Match with the \
            household's ETag: 428 without it, 412 when the household changed since it was read.""")
    ResponseEntity<HouseholdResource> remove(@PathVariable UUID id, @PathVariable UUID personId, IfMatch ifMatch) {
        return tagged(households.remove(id, personId, ifMatch.required()));
    }

    private ResponseEntity<HouseholdResource> tagged(Household household) {
        return ResponseEntity.ok().eTag(IfMatch.etag(household.version())).body(resource(household));
    }

    private HouseholdResource resource(Household household) {
        return HouseholdResource.of(household, LocalDate.now(clock));
    }

}
