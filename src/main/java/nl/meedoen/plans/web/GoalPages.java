package nl.meedoen.plans.web;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.plans.ActionOwner;
import nl.meedoen.plans.Area;
import nl.meedoen.plans.internal.GoalQuestions;
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
 * The goals part of the plan tab: a goal added or changed, an action added to a goal, an
 * action marked done, a question of the person (from Mijn Meedoen) marked seen. The
 * texts' rules are the plan's; a form comes back with them beside its fields.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class GoalPages {

    /** What was typed on a goal's card that was refused, to show it again. */
    record GoalTyped(String description, String targetDate, boolean targetDateInvalid) {
    }

    record GoalForm(@NotNull(message = "{typeMismatch.nl.meedoen.plans.Area}") @Nullable Area area,
            @Nullable String description, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate targetDate,
            @Nullable Integer lock) {
    }

    record ActionForm(@NotNull(message = "{plans.goalId.required}") @Nullable UUID goalId, @Nullable String what,
            @NotNull(message = "{typeMismatch.nl.meedoen.plans.ActionOwner}") @Nullable ActionOwner who,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueOn, @Nullable Integer lock) {
    }

    private final PersonalPlans plans;

    private final GoalQuestions questions;

    private final PlanTab tab;

    GoalPages(PersonalPlans plans, GoalQuestions questions, PlanTab tab) {
        this.plans = plans;
        this.questions = questions;
        this.tab = tab;
    }

    @PostMapping("/personen/{id}/plan/doelen")
    String addGoal(@PathVariable UUID id, @Valid @ModelAttribute("goal") GoalForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> plans.addGoal(id, form.area(), form.description(), form.targetDate(), form.lock()))) {
            return tab.saved(id, redirect, "plans.saved.goal", "doelen");
        }
        return tab.show(id, model);
    }

    /**
     * A goal changed in its own form on the goal's card, where a refusal shows too (the
     * card stays open).
     */
    @PostMapping("/personen/{id}/plan/doelen/{goalId}")
    String changeGoal(@PathVariable UUID id, @PathVariable UUID goalId,
            @Valid @ModelAttribute("goalChange") GoalForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> plans.changeGoal(id, goalId, form.area(), form.description(), form.targetDate(), form.lock()))) {
            return tab.saved(id, redirect, "plans.saved.goalChanged", "doelen");
        }
        model.addAttribute("goalProblemFor", goalId);
        // The card's fields come back as typed, a date that could not be read included.
        model.addAttribute("goalTyped", new GoalTyped(Objects.toString(errors.getFieldValue("description"), ""),
                Objects.toString(errors.getFieldValue("targetDate"), ""), errors.hasFieldErrors("targetDate")));
        return tab.show(id, model);
    }

    @PostMapping("/personen/{id}/plan/acties")
    String addAction(@PathVariable UUID id, @Valid @ModelAttribute("action") ActionForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> plans.addAction(id, form.goalId(), form.what(), form.who(), form.dueOn(), form.lock()))) {
            return tab.saved(id, redirect, "plans.saved.action", "doelen");
        }
        return tab.show(id, model);
    }

    @PostMapping("/personen/{id}/plan/acties/{actionId}")
    String markDone(@PathVariable UUID id, @PathVariable UUID actionId, @RequestParam boolean done,
            @RequestParam int version, RedirectAttributes redirect) {
        Forms.attempt(redirect, "plans.saved.done",
                () -> plans.markDone(id, actionId, done ? tab.today() : null, version));
        return tab.anchor(id, "doelen");
    }

    /** The caseworker saw the person's wish or question and takes it up with them. */
    @PostMapping("/personen/{id}/plan/vragen/{questionId}/gezien")
    String markSeen(@PathVariable UUID id, @PathVariable UUID questionId, @RequestParam int version,
            RedirectAttributes redirect) {
        Forms.attempt(redirect, "plans.saved.questionSeen", () -> questions.markSeen(id, questionId, version));
        return tab.anchor(id, "doelen");
    }

}
