package nl.meedoen.plans.web;

import java.util.UUID;

import nl.meedoen.plans.internal.Circumstances;
import nl.meedoen.plans.internal.Circumstances.ChildEducation;
import nl.meedoen.platform.web.Forms;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The children part of the plan tab: the education of each child in the household, in a
 * form per child; a refusal shows on that child's card.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class ChildPages {

    /** A child's education as the form sends it: a box left unticked is not sent. */
    record ChildForm(@Nullable String school, @Nullable String childcare, @Nullable Boolean vveIndication,
            @Nullable Boolean vveParticipation, @Nullable Boolean speechTherapy, @Nullable Boolean isk,
            @Nullable Boolean pupilTransport, @Nullable Boolean lunchCare, @Nullable String parentalInvolvement) {

        ChildEducation education() {
            return new ChildEducation(school, childcare, ticked(vveIndication), ticked(vveParticipation),
                    ticked(speechTherapy), ticked(isk), ticked(pupilTransport), ticked(lunchCare), parentalInvolvement);
        }

        private static boolean ticked(@Nullable Boolean box) {
            return Boolean.TRUE.equals(box);
        }
    }

    private final Circumstances circumstances;

    private final PlanTab tab;

    ChildPages(Circumstances circumstances, PlanTab tab) {
        this.circumstances = circumstances;
        this.tab = tab;
    }

    @PostMapping("/personen/{id}/plan/kinderen/{childId}")
    String recordChild(@PathVariable UUID id, @PathVariable UUID childId, @ModelAttribute("childForm") ChildForm form,
            @RequestParam(required = false) @Nullable Integer version, Model model, RedirectAttributes redirect) {
        Forms.Problem problem = Forms.refusal(() -> circumstances.recordChild(id, childId, form.education(), version));
        if (problem == null) {
            return tab.saved(id, redirect, "plans.saved.child", "kinderen");
        }
        model.addAttribute("childProblem", problem.messageKey());
        model.addAttribute("childProblemFor", childId);
        return tab.show(id, model);
    }

}
