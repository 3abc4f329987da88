package nl.meedoen.audit.web;

import nl.meedoen.audit.ShowsNoPersonData;
import nl.meedoen.audit.internal.Retention;
import nl.meedoen.audit.internal.RetentionSettings;
import nl.meedoen.platform.web.Forms;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The retention settings page: per record type the default period with its source and the
 * municipality's own period, which an administrator changes (a privacy officer reads it),
 * the dry run of what would go now and the latest runs.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'PRIVACY_OFFICER')")
class RetentionPages {

    /**
     * One record type's form: the months (empty: back to the default) and the version.
     */
    record PeriodForm(@Nullable Integer months, @Nullable Integer version) {
    }

    private final RetentionSettings settings;

    private final Retention retention;

    RetentionPages(RetentionSettings settings, Retention retention) {
        this.settings = settings;
        this.retention = retention;
    }

    @ShowsNoPersonData("retention periods, counts of records due and the runs")
    @GetMapping("/bewaartermijnen")
    String page(Model model) {
        return show(model);
    }

    @PostMapping("/bewaartermijnen/{recordType}")
    @PreAuthorize("hasRole('ADMIN')")
    String change(@PathVariable String recordType, @ModelAttribute("period") PeriodForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && Forms.attempt(errors, () -> settings.change(recordType, form.months(), form.version()))) {
            redirect.addFlashAttribute("saved", "retention.saved");
            return "redirect:/bewaartermijnen";
        }
        model.addAttribute("failedType", recordType);
        return show(model);
    }

    private String show(Model model) {
        model.addAttribute("settings", settings.all());
        model.addAttribute("dryRun", retention.dryRun());
        model.addAttribute("runs", settings.recentRuns(10));
        model.addAttribute("minMonths", RetentionSettings.MIN_MONTHS);
        model.addAttribute("maxMonths", RetentionSettings.MAX_MONTHS);
        return "audit/retention";
    }

}
