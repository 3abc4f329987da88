package nl.meedoen.plans.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.plans.internal.PersonalPlan;
import nl.meedoen.plans.internal.PersonalPlan.PipElements;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agreement part of the plan tab: the draft adopted on a day, and the PIP parts the
 * draft records when the trajectory adopted a PIP.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class AdoptionPages {

    /**
     * The adoption: its date, and the caseworker's confirmation that the plan was
     * discussed, since an adopted version can no longer be changed.
     */
    record AdoptionForm(
            @NotNull(message = "{plans.adoptedOn.required}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate adoptedOn,
            @Nullable Integer lock, @AssertTrue(message = "{plans.adopt.confirm.required}") boolean confirmed) {
    }

    record PipForm(@Nullable String routeTimeframe, @Nullable String guidanceSupport, @Nullable String pvtMapIntensity,
            @Nullable String vveOptions, @Nullable String ontzorgen, @Nullable String preconditions,
            @Nullable String monitoring, @Nullable Integer lock) {

        PipElements elements() {
            return new PipElements(routeTimeframe, guidanceSupport, pvtMapIntensity, vveOptions, ontzorgen,
                    preconditions, monitoring);
        }

        /** The PIP parts of the version shown, to change; empty without a plan. */
        static PipForm of(@Nullable PersonalPlan current) {
            if (current == null) {
                return new PipForm(null, null, null, null, null, null, null, 0);
            }
            PipElements p = current.version().pip();
            return new PipForm(p.routeTimeframe(), p.guidanceSupport(), p.pvtMapIntensity(), p.vveOptions(),
                    p.ontzorgen(), p.preconditions(), p.monitoring(), current.version().lockVersion());
        }
    }

    private final PersonalPlans plans;

    private final PlanTab tab;

    AdoptionPages(PersonalPlans plans, PlanTab tab) {
        this.plans = plans;
        this.tab = tab;
    }

    @PostMapping("/personen/{id}/plan/vaststellen")
    String adopt(@PathVariable UUID id, @Valid @ModelAttribute("adoption") AdoptionForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors, () -> plans.adopt(id, form.adoptedOn(), form.lock()))) {
            return tab.saved(id, redirect, "plans.saved.adopted", "samenvatting");
        }
        return tab.show(id, model);
    }

    @PostMapping("/personen/{id}/plan/pip")
    String changePip(@PathVariable UUID id, @ModelAttribute("pip") PipForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors, () -> plans.changePip(id, form.elements(), form.lock()))) {
            return tab.saved(id, redirect, "plans.saved.pip", "pip");
        }
        return tab.show(id, model);
    }

}
