package nl.meedoen.residents.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

        static HouseholdResource of(Household household) {
            LocalDate today = LocalDate.now();
            return new HouseholdResource(household.id(), household.version(),
                    household.members()
                        .stream()
                        .map(m -> new MemberResource(m.personId(), m.role(), m.since(), m.name(), m.dateOfBirth(),
                                m.ageOn(today)))
                        .toList());
        }
    }

    private final Households households;

    HouseholdApi(Households households) {
        this.households = households;
    }

    @PostMapping
    ResponseEntity<HouseholdResource> create(@Valid @RequestBody Composition composition) {
        Household household = households
            .create(composition.members().stream().map(m -> new Membership(m.personId(), m.role())).toList());
        return ResponseEntity.created(URI.create("/api/v1/households/" + household.id()))
            .body(HouseholdResource.of(household));
    }

    @GetMapping("/{id}")
    HouseholdResource open(@PathVariable UUID id) {
        return HouseholdResource.of(households.open(id));
    }

    @PostMapping("/{id}/members")
    HouseholdResource add(@PathVariable UUID id, @Valid @RequestBody MemberInput member) {
        return HouseholdResource.of(households.add(id, new Membership(member.personId(), member.role())));
    }

    @DeleteMapping("/{id}/members/{personId}")
    HouseholdResource remove(@PathVariable UUID id, @PathVariable UUID personId) {
        return HouseholdResource.of(households.remove(id, personId));
    }

}
