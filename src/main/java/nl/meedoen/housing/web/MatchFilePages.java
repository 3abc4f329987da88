package nl.meedoen.housing.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.housing.MatchCancellationReason;
import nl.meedoen.housing.internal.MatchFiles;
import nl.meedoen.housing.internal.MatchFiles.MatchFile;
import nl.meedoen.platform.web.Forms;
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
 * The page of one match: its persons and deadlines with their explanation, the lease
 * start from which the move period runs, and the cancellation.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class MatchFilePages {

    record LeaseForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate leaseStart,
            @Nullable Integer version) {
    }

    record CancelForm(@Nullable MatchCancellationReason reason, @Nullable String note, @Nullable Integer version) {
    }

    private final MatchFiles matches;

    private final MatchDeadlines deadlines;

    private final AuditLog audit;

    MatchFilePages(MatchFiles matches, MatchDeadlines deadlines, AuditLog audit) {
        this.matches = matches;
        this.deadlines = deadlines;
        this.audit = audit;
    }

    @ShowsPersonData

    @GetMapping("/huisvesting/koppelingen/{id}")
    String match(@PathVariable UUID id, Model model) {
        return page(id, model);
    }

    @PostMapping("/huisvesting/koppelingen/{id}/huurcontract")
    String lease(@PathVariable UUID id, @Valid @ModelAttribute("lease") LeaseForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> matches.recordLeaseStart(id, form.leaseStart(), form.version() == null ? 0 : form.version()))) {
            redirect.addFlashAttribute("saved", "housing.lease.saved");
            return "redirect:/huisvesting/koppelingen/" + id;
        }
        return page(id, model);
    }

    @PostMapping("/huisvesting/koppelingen/{id}/annulering")
    String cancel(@PathVariable UUID id, @Valid @ModelAttribute("cancellation") CancelForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && Forms.attempt(errors, () -> matches.cancel(id, form.reason(), form.note(), form.version()))) {
            redirect.addFlashAttribute("saved", "housing.cancel.saved");
            return "redirect:/huisvesting/koppelingen/" + id;
        }
        return page(id, model);
    }

    private String page(UUID id, Model model) {
        MatchFile match = matches.find(id);
        model.addAttribute("m", match);
        model.addAttribute("housingBasis", deadlines.housing(match));
        model.addAttribute("moveBasis", deadlines.move(match));
        model.addAttribute("reasons", List.of(MatchCancellationReason.values()));
        Forms.addIfAbsent(model, "lease", new LeaseForm(match.leaseStart(), match.version()));
        Forms.addIfAbsent(model, "cancellation", new CancelForm(null, null, match.version()));
        audit.read(AuditAction.READ, match.personIds());
        return "housing/match-file";
    }

}
