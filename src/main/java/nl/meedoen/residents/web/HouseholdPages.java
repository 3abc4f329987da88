package nl.meedoen.residents.web;

import java.util.List;
import java.util.UUID;

import nl.meedoen.platform.web.Forms;
import nl.meedoen.residents.HouseholdRole;
import nl.meedoen.residents.internal.Households;
import nl.meedoen.residents.internal.Households.Membership;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Forms on the file that compose a household; each answers with the file again. */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class HouseholdPages {

    private final Households households;

    HouseholdPages(Households households) {
        this.households = households;
    }

    @PostMapping("/personen/{id}/huishouden")
    String create(@PathVariable UUID id) {
        return backToHousehold(id, () -> households.create(List.of(new Membership(id, HouseholdRole.HEAD))));
    }

    @PostMapping("/huishoudens/{householdId}/leden")
    String add(@PathVariable UUID householdId, @RequestParam UUID personId, @RequestParam HouseholdRole role,
            @RequestParam UUID terug, @RequestParam int version) {
        return backToHousehold(terug, () -> households.add(householdId, new Membership(personId, role), version));
    }

    @PostMapping("/huishoudens/{householdId}/leden/{personId}/verwijderen")
    String remove(@PathVariable UUID householdId, @PathVariable UUID personId, @RequestParam UUID terug,
            @RequestParam int version) {
        return backToHousehold(terug, () -> households.remove(householdId, personId, version));
    }

    /**
     * Back to the household on the file; a refusal travels as {@code ?fout=} with its
     * message key.
     */
    private static String backToHousehold(UUID backTo, Runnable change) {
        var problem = Forms.refusal(change);
        return "redirect:/personen/" + backTo + (problem == null ? "" : "?fout=" + problem.messageKey())
                + "#huishouden";
    }

}
