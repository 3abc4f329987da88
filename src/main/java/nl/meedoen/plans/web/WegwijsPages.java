package nl.meedoen.plans.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.plans.internal.Circumstances;
import nl.meedoen.plans.internal.PlanSettings;
import nl.meedoen.platform.web.Forms;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "wegwijs" part of the plan tab: the places of the municipality's checklist the
 * person knows how to find, from a day.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class WegwijsPages {

    record WegwijsForm(@NotNull(message = "{plans.wegwijs.knownOn.required}") @DateTimeFormat(
            iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate knownOn, @Nullable List<String> places) {
    }

    private final Circumstances circumstances;

    private final PlanSettings settings;

    private final PlanTab tab;

    WegwijsPages(Circumstances circumstances, PlanSettings settings, PlanTab tab) {
        this.circumstances = circumstances;
        this.settings = settings;
        this.tab = tab;
    }

    @PostMapping("/personen/{id}/plan/wegwijs")
    String recordWegwijs(@PathVariable UUID id, @Valid @ModelAttribute("wegwijsForm") WegwijsForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && Forms.attempt(errors, () -> circumstances.recordWegwijs(id, settings.current().wegwijsPlaces(),
                        form.places() == null ? List.of() : form.places(), form.knownOn()))) {
            return tab.saved(id, redirect, "plans.saved.wegwijs", "wegwijs");
        }
        return tab.show(id, model);
    }

}
