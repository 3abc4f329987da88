package nl.meedoen.plans.web;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.plans.internal.PlanSettings;
import nl.meedoen.platform.database.SettingsVersions;
import nl.meedoen.platform.web.Forms;
import org.jspecify.annotations.Nullable;

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
 * The municipality's plan settings: the review interval and the places of the "wegwijs"
 * checklist.
 */
@Controller
@PreAuthorize("hasAnyRole('TEAM_LEAD', 'ADMIN')")
class PlanSettingsPages {

    record SettingsForm(@NotNull(message = "{plans.settings.interval}") @Nullable Integer reviewIntervalMonths,
            @Nullable String wegwijsPlaces) {

        List<String> places() {
            return wegwijsPlaces == null ? List.of()
                    : Arrays.stream(wegwijsPlaces.split("\\R"))
                        .map(String::strip)
                        .filter(p -> !p.isEmpty())
                        .distinct()
                        .toList();
        }
    }

    private final PlanSettings settings;

    private final SettingsVersions versions;

    PlanSettingsPages(PlanSettings settings, SettingsVersions versions) {
        this.settings = settings;
        this.versions = versions;
    }

    @GetMapping("/plannen/instellingen")
    String settings(Model model) {
        PlanSettings.Settings current = settings.current();
        model.addAttribute("settingsForm",
                new SettingsForm(current.reviewIntervalMonths(), String.join("\n", current.wegwijsPlaces())));
        model.addAttribute("version", versions.current("plan_setting"));
        return "plans/settings";
    }

    @PostMapping("/plannen/instellingen")
    String change(@Valid @ModelAttribute("settingsForm") SettingsForm form, BindingResult errors,
            @RequestParam(required = false) @Nullable Integer version, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors, () -> versions.change("plan_setting", version,
                () -> settings.change(new PlanSettings.Settings(form.reviewIntervalMonths(), form.places()))))) {
            redirect.addFlashAttribute("saved", "plans.settings.saved");
            return "redirect:/plannen/instellingen";
        }
        model.addAttribute("version", versions.current("plan_setting"));
        return "plans/settings";
    }

}
