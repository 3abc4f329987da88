package nl.meedoen.plans.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.plans.AssessmentSource;
import nl.meedoen.plans.LanguageLevel;
import nl.meedoen.plans.Skill;
import nl.meedoen.plans.internal.LanguageProgress;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The language part of the plan tab: a level of one skill, NT2 lesson hours followed. */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class LanguagePages {

    record LevelForm(@NotNull(message = "{typeMismatch.nl.meedoen.plans.Skill}") @Nullable Skill skill,
            @NotNull(message = "{typeMismatch.nl.meedoen.plans.LanguageLevel}") @Nullable LanguageLevel level,
            @NotNull(message = "{plans.assessedOn.required}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate assessedOn,
            @NotNull(message = "{typeMismatch.nl.meedoen.plans.AssessmentSource}") @Nullable AssessmentSource source) {
    }

    record LessonForm(
            @NotNull(message = "{plans.followedUntil.required}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate followedUntil,
            @Nullable String hours, @Nullable String provider) {
    }

    private final LanguageProgress language;

    private final PlanTab tab;

    LanguagePages(LanguageProgress language, PlanTab tab) {
        this.language = language;
        this.tab = tab;
    }

    @PostMapping("/personen/{id}/plan/taal")
    String recordLevel(@PathVariable UUID id, @Valid @ModelAttribute("level") LevelForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> language.record(id, form.skill(), form.level(), form.assessedOn(), form.source()))) {
            return tab.saved(id, redirect, "plans.saved.level", "taal");
        }
        return tab.show(id, model);
    }

    @PostMapping("/personen/{id}/plan/lesuren")
    String addLessons(@PathVariable UUID id, @Valid @ModelAttribute("lessons") LessonForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors, () -> language.addLessonHours(id, form.followedUntil(),
                Decimals.parse(form.hours(), "hours", "plans.lessonHours.hours"), form.provider()))) {
            return tab.saved(id, redirect, "plans.saved.lessons", "taal");
        }
        return tab.show(id, model);
    }

}
