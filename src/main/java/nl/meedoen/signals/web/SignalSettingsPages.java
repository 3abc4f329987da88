package nl.meedoen.signals.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.meedoen.platform.web.Forms;
import nl.meedoen.signals.SignalCode;
import nl.meedoen.signals.Threshold;
import nl.meedoen.signals.internal.SignalSettings;
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
 * The municipality's signalling settings: per rule on or off and its thresholds, with the
 * default beside each.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'TEAM_LEAD')")
class SignalSettingsPages {

    /** One rule on the form: on or off, and the values of its thresholds in order. */
    record RuleRow(@Nullable SignalCode rule, @Nullable Boolean enabled, @Nullable List<@Nullable Integer> values) {
    }

    record SettingsForm(@Nullable Integer version, @Nullable List<RuleRow> rules) {

        static SettingsForm of(SignalSettings.Settings settings) {
            return new SettingsForm(settings.version(),
                    settings.rules()
                        .stream()
                        .map(r -> new RuleRow(r.rule().code(), r.enabled(),
                                r.rule().thresholds().stream().map(t -> (Integer) r.value(t)).toList()))
                        .toList());
        }

    }

    private final SignalSettings settings;

    SignalSettingsPages(SignalSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/signalen/instellingen")
    String form(Model model) {
        SignalSettings.Settings current = settings.current();
        Forms.addIfAbsent(model, "settingsForm", SettingsForm.of(current));
        model.addAttribute("current", current);
        return "signals/settings";
    }

    @PostMapping("/signalen/instellingen")
    String save(@ModelAttribute("settingsForm") SettingsForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        SignalSettings.Settings current = settings.current();
        List<SignalSettings.Change> changes = new ArrayList<>();
        for (RuleRow row : form.rules() == null ? List.<RuleRow>of() : form.rules()) {
            if (row.rule() == null) {
                continue;
            }
            List<Threshold> thresholds = current.of(row.rule()).rule().thresholds();
            Map<String, Integer> values = new LinkedHashMap<>();
            List<@Nullable Integer> given = row.values() == null ? List.of() : row.values();
            for (int i = 0; i < thresholds.size() && i < given.size(); i++) {
                Integer value = given.get(i);
                if (value != null) {
                    values.put(thresholds.get(i).name(), value);
                }
            }
            changes.add(new SignalSettings.Change(row.rule(), Boolean.TRUE.equals(row.enabled()), values));
        }
        int version = form.version() == null ? -1 : form.version();
        if (!errors.hasErrors() && Forms.attempt(errors, () -> settings.change(changes, version))) {
            redirect.addFlashAttribute("saved", "signals.settings.saved");
            return "redirect:/signalen/instellingen";
        }
        model.addAttribute("current", current);
        return "signals/settings";
    }

}
