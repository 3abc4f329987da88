package nl.meedoen.plans.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.plans.IncomeSource;
import nl.meedoen.plans.internal.Circumstances;
import nl.meedoen.plans.internal.Circumstances.Work;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The work and income part of the plan tab: a new source of income from a day, and paid
 * work.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class IncomePages {

    record IncomeForm(
            @NotNull(message = "{typeMismatch.nl.meedoen.plans.IncomeSource}") @Nullable IncomeSource incomeSource,
            @NotNull(message = "{plans.incomeStartsOn.required}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate incomeStartsOn) {
    }

    record WorkForm(@Nullable String paidHoursPerWeek, @Nullable String routeToWork) {
    }

    private final Circumstances circumstances;

    private final PlanTab tab;

    IncomePages(Circumstances circumstances, PlanTab tab) {
        this.circumstances = circumstances;
        this.tab = tab;
    }

    @PostMapping("/personen/{id}/plan/inkomen")
    String recordIncome(@PathVariable UUID id, @Valid @ModelAttribute("income") IncomeForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> circumstances.recordIncome(id, form.incomeSource(), form.incomeStartsOn()))) {
            return tab.saved(id, redirect, "plans.saved.income", "inkomen");
        }
        return tab.show(id, model);
    }

    @PostMapping("/personen/{id}/plan/werk")
    String recordWork(@PathVariable UUID id, @ModelAttribute("work") WorkForm form, BindingResult errors,
            @RequestParam(required = false) @Nullable Integer version, Model model, RedirectAttributes redirect) {
        if (Forms.attempt(errors,
                () -> circumstances.recordWork(id,
                        new Work(Decimals.parse(form.paidHoursPerWeek(), "paidHoursPerWeek", "plans.work.hours"),
                                form.routeToWork()),
                        version))) {
            return tab.saved(id, redirect, "plans.saved.work", "inkomen");
        }
        return tab.show(id, model);
    }

}
