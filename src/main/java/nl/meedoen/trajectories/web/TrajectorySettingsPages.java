package nl.meedoen.trajectories.web;

import java.util.List;

import jakarta.validation.Valid;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.trajectories.internal.TrajectorySettings;
import nl.meedoen.trajectories.internal.TrajectorySettings.Stored;
import nl.meedoen.trajectories.web.TrajectorySettingsApi.SettingsBody;

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

    /** The fields in the order of the form. */
    static final List<String> FIELDS = List.of("guidanceMonths", "extensionMonths", "planWeeks", "thirdPartyWeeks",
            "integrationYears", "routeSwitchMonths", "pvtHours", "stepDownHours", "zCourseHours", "zParticipationHours",
            "mapPracticalHours", "noShowFineEuros", "ontzorgenMonths", "calendarWeeks");

    private final TrajectorySettings settings;

    TrajectorySettingsPages(TrajectorySettings settings) {
        this.settings = settings;
    }

    @GetMapping("/traject/instellingen")
    String form(Model model) {
        Stored stored = settings.stored();
        model.addAttribute("settings", SettingsBody.of(stored.rules()));
        model.addAttribute("version", stored.version());
        model.addAttribute("fields", FIELDS);
        return "trajectories/settings";
    }

    @PostMapping("/traject/instellingen")
    String save(@Valid @ModelAttribute("settings") SettingsBody body, BindingResult errors, @RequestParam int version,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                settings.change(body.rules(), version);
                redirect.addFlashAttribute("saved", "trajectories.settings.saved");
                return "redirect:/traject/instellingen";
            }
            catch (InvalidInputException ex) {
                ex.errors().forEach(e -> errors.rejectValue(e.field(), e.messageKey()));
            }
            catch (StaleVersionException ex) {
                errors.reject("form.stale");
            }
        }
        model.addAttribute("version", version);
        model.addAttribute("fields", FIELDS);
        return "trajectories/settings";
    }

}
