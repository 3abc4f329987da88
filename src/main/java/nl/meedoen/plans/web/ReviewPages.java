package nl.meedoen.plans.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.plans.GoalStatus;
import nl.meedoen.plans.internal.PersonalPlans;
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
 * The progress review part of the plan tab: its date, notes and each goal's new status (a
 * select {@code status-<goal id>} per goal).
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class ReviewPages {

    private static final String STATUS = "status-";

    record ReviewForm(@NotNull(message = "{plans.heldOn.required}") @DateTimeFormat(
            iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate heldOn, @Nullable String notes) {
    }

    private final PersonalPlans plans;

    private final PlanTab tab;

    ReviewPages(PersonalPlans plans, PlanTab tab) {
        this.plans = plans;
        this.tab = tab;
    }

    @PostMapping("/personen/{id}/plan/gesprekken")
    String review(@PathVariable UUID id, @Valid @ModelAttribute("review") ReviewForm form, BindingResult errors,
            @RequestParam Map<String, String> parameters, Model model, RedirectAttributes redirect) {
        Map<String, String> byGoal = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith(STATUS) && !value.isBlank()) {
                byGoal.put(name.substring(STATUS.length()), value);
            }
        });
        Map<UUID, GoalStatus> statuses = new LinkedHashMap<>();
        model.addAttribute("reviewStatuses", statuses);
        if (Forms.attempt(errors, () -> statuses.putAll(Choices.goalStatuses(byGoal))) && !errors.hasErrors()
                && Forms.attempt(errors, () -> plans.review(id, form.heldOn(), form.notes(), statuses))) {
            return tab.saved(id, redirect, "plans.saved.review", "gesprek");
        }
        return tab.show(id, model);
    }

}
