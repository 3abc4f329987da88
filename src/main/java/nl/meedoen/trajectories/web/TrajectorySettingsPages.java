package nl.meedoen.trajectories.web;

import jakarta.validation.Valid;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.trajectories.internal.TrajectorySettings;
import nl.meedoen.trajectories.internal.TrajectorySettings.Stored;

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
 * The functional administrator's page for the municipality's trajectory durations and
 * amounts.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class TrajectorySettingsPages {

    private final TrajectorySettings settings;

    TrajectorySettingsPages(TrajectorySettings settings) {
        this.settings = settings;
    }

    @GetMapping("/traject/instellingen")
    String form(Model model) {
        Stored stored = settings.stored();
        model.addAttribute("settings", SettingsBody.of(stored.rules()));
        model.addAttribute("version", stored.version());
        model.addAttribute("fields", SettingsBody.FIELDS);
        return "trajectories/settings";
    }

    @PostMapping("/traject/instellingen")
    String save(@Valid @ModelAttribute("settings") SettingsBody body, BindingResult errors, @RequestParam int version,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors, () -> settings.change(body.rules(), version))) {
            redirect.addFlashAttribute("saved", "trajectories.settings.saved");
            return "redirect:/traject/instellingen";
        }
        model.addAttribute("version", version);
        model.addAttribute("fields", SettingsBody.FIELDS);
        return "trajectories/settings";
    }

}
