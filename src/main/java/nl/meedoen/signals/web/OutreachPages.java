package nl.meedoen.signals.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.signals.OutreachStatus;
import nl.meedoen.signals.internal.OutreachReports;
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
 * Outreach: report a concern about a resident not yet known to Meedoen, see where one's
 * reports stand (a partner only its own), and, for the team, record the first
 * conversation and what came of it.
 */
@Controller
class OutreachPages {

    record ReportForm(
            @NotBlank(message = "{signals.outreach.description.required}") @Size(max = 2000,
                    message = "{field.tooLong}") @Nullable String description,
            @Size(max = 500, message = "{field.tooLong}") @Nullable String contact,
            @NotNull(message = "{signals.outreach.agreed.required}") @Nullable Boolean agreedToContact) {

        static ReportForm empty() {
            return new ReportForm(null, null, null);
        }

    }

    record OutcomeForm(@Nullable OutreachStatus to, @Nullable String note, @Nullable UUID personId,
            @Nullable Integer version) {
    }

    private final OutreachReports reports;

    OutreachPages(OutreachReports reports) {
        this.reports = reports;
    }

    @GetMapping("/signalen/meldingen")
    @PreAuthorize("hasAnyRole('PARTNER', 'CASEWORKER', 'TEAM_LEAD')")
    String list(Model model) {
        Forms.addIfAbsent(model, "report", ReportForm.empty());
        model.addAttribute("reports", reports.visibleTo(CurrentUser.current().orElseThrow()));
        return "signals/outreach";
    }

    @PostMapping("/signalen/meldingen")
    @PreAuthorize("hasAnyRole('PARTNER', 'CASEWORKER', 'TEAM_LEAD')")
    String report(@Valid @ModelAttribute("report") ReportForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.current().orElseThrow();
        if (!errors.hasErrors() && Forms.attempt(errors, () -> reports.report(user, form.description(), form.contact(),
                Boolean.TRUE.equals(form.agreedToContact())))) {
            redirect.addFlashAttribute("saved", "signals.outreach.saved");
            return "redirect:/signalen/meldingen";
        }
        model.addAttribute("reports", reports.visibleTo(user));
        return "signals/outreach";
    }

    @GetMapping("/signalen/meldingen/{id}")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String report(@PathVariable UUID id, Model model) {
        model.addAttribute("r",
                reports.find(CurrentUser.current().orElseThrow(), id).orElseThrow(NotFoundException::new));
        model.addAttribute("statuses", OutreachStatus.values());
        return "signals/outreach-report";
    }

    @PostMapping("/signalen/meldingen/{id}/uitkomst")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String outcome(@PathVariable UUID id, @ModelAttribute OutcomeForm form, BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("problem", "signals.form.invalid");
        }
        else if (form.to() == null) {
            redirect.addFlashAttribute("problem", "signals.outreach.to.required");
        }
        else {
            Forms.attempt(redirect, "signals.outreach.outcomeSaved",
                    () -> reports.advance(CurrentUser.current().orElseThrow(), id, form.to(), form.note(),
                            form.personId(), form.version()));
        }
        return "redirect:/signalen/meldingen/" + id;
    }

}
