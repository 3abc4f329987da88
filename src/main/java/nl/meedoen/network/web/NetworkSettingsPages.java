package nl.meedoen.network.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.network.internal.NetworkSettings;
import nl.meedoen.network.internal.Scoring.Weights;
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
 * The municipality's matching settings: VOG validity, check-in weeks and the weight of
 * each factor.
 */
@Controller
@PreAuthorize("hasAnyRole('VOLUNTEER_COORDINATOR', 'ADMIN')")
class NetworkSettingsPages {

    /** The form; the ranges are the rules of {@link NetworkSettings#change}. */
    record SettingsForm(@NotNull(message = "{network.settings.vogYears}") @Nullable Integer vogValidYears,
            @NotNull(message = "{network.settings.checkInWeeks}") @Nullable Integer checkInWeeks,
            @NotNull(message = "{network.settings.weight}") @Nullable Integer language,
            @NotNull(message = "{network.settings.weight}") @Nullable Integer background,
            @NotNull(message = "{network.settings.weight}") @Nullable Integer distance,
            @NotNull(message = "{network.settings.weight}") @Nullable Integer availability,
            @NotNull(message = "{network.settings.weight}") @Nullable Integer interests,
            @NotNull(message = "{network.settings.weight}") @Nullable Integer preference,
            @NotNull(message = "{network.settings.weight}") @Nullable Integer load) {

        static SettingsForm of(NetworkSettings.Rules rules) {
            Weights w = rules.weights();
            return new SettingsForm(rules.vogValidYears(), rules.checkInWeeks(), w.language(), w.background(),
                    w.distance(), w.availability(), w.interests(), w.preference(), w.load());
        }

        NetworkSettings.Rules rules() {
            return new NetworkSettings.Rules(vogValidYears, checkInWeeks,
                    new Weights(language, background, distance, availability, interests, preference, load));
        }
    }

    private final NetworkSettings settings;

    private final SettingsVersions versions;

    NetworkSettingsPages(NetworkSettings settings, SettingsVersions versions) {
        this.settings = settings;
        this.versions = versions;
    }

    @GetMapping("/netwerk/instellingen")
    String form(Model model) {
        model.addAttribute("settingsForm", SettingsForm.of(settings.current()));
        model.addAttribute("version", versions.current("network_setting"));
        return "network/settings";
    }

    @PostMapping("/netwerk/instellingen")
    String save(@Valid @ModelAttribute("settingsForm") SettingsForm form, BindingResult errors,
            @RequestParam(required = false) @Nullable Integer version, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> versions.change("network_setting", version, () -> settings.change(form.rules())))) {
            redirect.addFlashAttribute("saved", "network.settings.saved");
            return "redirect:/netwerk/instellingen";
        }
        model.addAttribute("version", versions.current("network_setting"));
        return "network/settings";
    }

}
