package nl.meedoen.trajectories.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.trajectories.FineGround;
import nl.meedoen.trajectories.FineSanctionChoice;
import nl.meedoen.trajectories.FineStatus;
import nl.meedoen.trajectories.internal.Fines;
import nl.meedoen.trajectories.internal.Fines.FineFile;
import nl.meedoen.trajectories.internal.Fines.Step;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
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
 * The fines tab of a person's trajectory: the person's fine processes, a proposal, and
 * one fine with its history and the form for its next step.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class FinePages {

    record ProposalForm(@Nullable FineGround ground, @Nullable String facts, @Nullable Integer proposedAmount,
            @Nullable Boolean benefitSanctionPossible) {
    }

    record StepForm(@Nullable FineStatus to, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate on,
            @Nullable String blameAssessment, @Nullable String view, @Nullable Boolean noView, @Nullable Integer amount,
            @Nullable String reductionReason, @Nullable String reason, @Nullable FineSanctionChoice sanctionChoice,
            @Nullable Integer version) {

        Step toStep() {
            return new Step(to, on, blameAssessment, view, Boolean.TRUE.equals(noView) ? false : null, amount,
                    reductionReason, reason, sanctionChoice);
        }
    }

    private final TrajectoryTabs tabs;

    private final Fines fines;

    FinePages(TrajectoryTabs tabs, Fines fines) {
        this.tabs = tabs;
        this.fines = fines;
    }

    @GetMapping("/personen/{id}/traject/boetes")
    String list(@PathVariable UUID id, Model model) {
        return listPage(id, model);
    }

    @PostMapping("/personen/{id}/traject/boetes")
    String propose(@PathVariable UUID id, @Valid @ModelAttribute("proposal") ProposalForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors, () -> fines.propose(id, form.ground(), form.facts(),
                form.proposedAmount(), Boolean.TRUE.equals(form.benefitSanctionPossible())))) {
            return TrajectoryTabs.saved(redirect, "trajectories.fine.proposed", id, "/boetes");
        }
        return listPage(id, model);
    }

    @GetMapping("/personen/{id}/traject/boetes/{fineId}")
    String fine(@PathVariable UUID id, @PathVariable UUID fineId, Model model) {
        return finePage(id, fineId, model);
    }

    @PostMapping("/personen/{id}/traject/boetes/{fineId}")
    String advance(@PathVariable UUID id, @PathVariable UUID fineId, @Valid @ModelAttribute("step") StepForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && Forms.attempt(errors, () -> fines.advance(id, fineId, form.toStep(), form.version()))) {
            return TrajectoryTabs.saved(redirect, "trajectories.fine.stepSaved", id, "/boetes/" + fineId);
        }
        return finePage(id, fineId, model);
    }

    private String listPage(UUID id, Model model) {
        tabs.open(id, model);
        model.addAttribute("fines", fines.of(id));
        model.addAttribute("grounds", List.of(FineGround.values()));
        Forms.addIfAbsent(model, "proposal", new ProposalForm(null, null, null, false));
        return tabs.shown(id, "fines");
    }

    private String finePage(UUID id, UUID fineId, Model model) {
        tabs.open(id, model);
        FineFile file = fines.find(id, fineId);
        model.addAttribute("fine", file.fine());
        model.addAttribute("history", file.history());
        model.addAttribute("nextSteps", file.fine().status().next().stream().sorted().toList());
        model.addAttribute("maximum", fines.maximumEuros(tabs.today()));
        model.addAttribute("sanctionChoices", List.of(FineSanctionChoice.values()));
        Forms.addIfAbsent(model, "step",
                new StepForm(null, null, null, null, false, null, null, null, null, file.fine().version()));
        return tabs.shown(id, "fine");
    }

}
