package nl.meedoen.plans.web;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.plans.internal.PlanSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The municipality's plan settings: the review interval and the places of the "wegwijs"
 * checklist.
 */
@Controller
@PreAuthorize("hasAnyRole('TEAM_LEAD', 'ADMIN')")
class PlanSettingsPages {

    static final int MAX_PLACES = 40;

    static final int MAX_PLACE_LENGTH = 100;

    record SettingsForm(
            @NotNull(message = "{plans.settings.interval}") @Min(value = 1, message = "{plans.settings.interval}") @Max(
                    value = 24, message = "{plans.settings.interval}") @Nullable Integer reviewIntervalMonths,
            @NotBlank(message = "{plans.settings.places}") @Nullable String wegwijsPlaces) {

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

    PlanSettingsPages(PlanSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/plannen/instellingen")
    String settings(Model model) {
        PlanSettings.Settings current = settings.current();
        model.addAttribute("settingsForm",
                new SettingsForm(current.reviewIntervalMonths(), String.join("\n", current.wegwijsPlaces())));
        return "plans/settings";
    }

    @PostMapping("/plannen/instellingen")
    String change(@Valid @ModelAttribute("settingsForm") SettingsForm form, BindingResult errors,
            RedirectAttributes redirect) {
        List<String> places = form.places();
        if (!errors.hasFieldErrors("wegwijsPlaces") && (places.isEmpty() || places.size() > MAX_PLACES
                || places.stream().anyMatch(p -> p.length() > MAX_PLACE_LENGTH))) {
            errors.rejectValue("wegwijsPlaces", "plans.settings.places");
        }
        if (errors.hasErrors()) {
            return "plans/settings";
        }
        settings.change(new PlanSettings.Settings(form.reviewIntervalMonths(), places));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/plannen/instellingen";
    }

}
