package nl.meedoen.housing.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.housing.internal.HousingQuota;
import nl.meedoen.housing.internal.HousingSettings;
import nl.meedoen.housing.internal.Matches;
import nl.meedoen.housing.internal.Placements;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The waiting list and the forms for matches and placements: these name persons, so
 * caseworkers and team leads.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class MatchPages {

    record MatchForm(
            @NotEmpty(message = "{housing.persons.required}") @Size(max = 30,
                    message = "{housing.persons.tooMany}") @Nullable List<UUID> personIds,
            @NotNull(message = "{housing.matchDate.required}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate matchDate,
            @Nullable Boolean familyReunification) {
    }

    record PlacementForm(@Nullable UUID matchId,
            @NotEmpty(message = "{housing.persons.required}") @Size(max = 30,
                    message = "{housing.persons.tooMany}") @Nullable List<UUID> personIds,
            @NotNull(message = "{housing.keyHandoverDate.required}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate keyHandoverDate,
            @Nullable @Size(max = 300, message = "{field.tooLong}") String address) {
    }

    private final Matches matches;

    private final Placements placements;

    private final Residents residents;

    private final HousingSettings settings;

    private final HousingQuota quota;

    private final AuditLog audit;

    MatchPages(Matches matches, Placements placements, Residents residents, HousingSettings settings,
            HousingQuota quota, AuditLog audit) {
        this.matches = matches;
        this.placements = placements;
        this.residents = residents;
        this.settings = settings;
        this.quota = quota;
        this.audit = audit;
    }

    @ShowsPersonData
    @GetMapping("/huisvesting/wachtlijst")
    String waitingList(Model model) {
        List<Matches.Waiting> waiting = matches.waitingList();
        model.addAttribute("waiting", waiting);
        audit.read(AuditAction.HOUSING_READ,
                waiting.stream().flatMap(w -> w.persons().stream()).map(Resident::id).toList());
        model.addAttribute("rules", settings.current());
        return "housing/waiting-list";
    }

    @ShowsPersonData
    @GetMapping("/huisvesting/koppelingen/nieuw")
    String newMatch(@RequestParam(defaultValue = "") String q,
            @RequestParam(name = "persoon", required = false) @Nullable UUID personId, Model model) {
        List<Resident> chosen = List.of();
        if (personId != null) {
            chosen = householdOf(personId);
        }
        model.addAttribute("match", new MatchForm(chosen.stream().map(Resident::id).toList(), null, null));
        return matchPage(model, q, chosen);
    }

    @PostMapping("/huisvesting/koppelingen")
    String match(@Valid @ModelAttribute("match") MatchForm form, BindingResult errors,
            @RequestParam(name = "kandidaten", required = false) @Nullable List<UUID> candidates, Model model,
            RedirectAttributes redirect) {
        AtomicReference<Matches.Match> matched = new AtomicReference<>();
        if (!errors.hasErrors() && Forms.attempt(errors, () -> matched
            .set(matches.match(form.personIds(), form.matchDate(), Boolean.TRUE.equals(form.familyReunification()))))) {
            redirect.addFlashAttribute("matched",
                    List.of(matched.get().housingDeadline(), matched.get().moveDeadline()));
            return "redirect:/huisvesting/wachtlijst";
        }
        return matchPage(model, "", candidates == null ? List.of() : residents.findAll(candidates));
    }

    private String matchPage(Model model, String q, List<Resident> chosen) {
        model.addAttribute("q", q);
        if (!q.isBlank()) {
            List<Resident> found = residents.search(q, 15);
            audit.read(AuditAction.SEARCH, found.stream().map(Resident::id).toList());
            model.addAttribute("found", found);
        }
        model.addAttribute("chosen", chosen);
        audit.read(AuditAction.HOUSING_READ, chosen.stream().map(Resident::id).toList());
        return "housing/match";
    }

    private List<Resident> householdOf(UUID personId) {
        Resident person = residents.find(personId).orElseThrow(NotFoundException::new);
        if (person.householdId() == null) {
            return List.of(person);
        }
        List<Resident> members = new ArrayList<>(residents.household(person.householdId()));
        members.removeIf(Resident::ended);
        return members.isEmpty() ? List.of(person) : members;
    }

    @ShowsPersonData
    @GetMapping("/huisvesting/plaatsingen/nieuw")
    String newPlacement(@RequestParam(name = "koppeling") UUID matchId, Model model) {
        Matches.Waiting match = matches.open(matchId).orElseThrow(NotFoundException::new);
        model.addAttribute("placement",
                new PlacementForm(matchId, match.persons().stream().map(Resident::id).toList(), null, null));
        model.addAttribute("waiting", match);
        audit.read(AuditAction.HOUSING_READ, match.persons().stream().map(Resident::id).toList());
        return "housing/placement";
    }

    @PostMapping("/huisvesting/plaatsingen")
    String place(@Valid @ModelAttribute("placement") PlacementForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Matches.Waiting match = Optional.ofNullable(form.matchId())
            .flatMap(matches::open)
            .orElseThrow(NotFoundException::new);
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> placements.place(form.personIds(), form.keyHandoverDate(), form.address()))) {
            redirect.addFlashAttribute("placedIn", quota.countsToward(form.keyHandoverDate()).toString());
            return "redirect:/huisvesting/wachtlijst";
        }
        model.addAttribute("waiting", match);
        return "housing/placement";
    }

}
