package nl.meedoen.residents.web;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.residents.internal.PersonFiles;
import nl.meedoen.residents.internal.PersonShares;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The file's shares with other teams (need-to-know): listed for its caseworkers and team
 * leads, given and revoked by a team lead of the file's own team.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class SharePages {

    /** The share form: the team, the reason, an optional last day. */
    record ShareForm(@Nullable UUID teamId, @Nullable String reason,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endsOn) {
    }

    private final PersonShares shares;

    private final PersonFiles files;

    private final AuditLog audit;

    SharePages(PersonShares shares, PersonFiles files, AuditLog audit) {
        this.shares = shares;
        this.files = files;
        this.audit = audit;
    }

    @ShowsPersonData
    @GetMapping("/personen/{id}/delen")
    String page(@PathVariable UUID id, Model model) {
        Forms.addIfAbsent(model, "share", new ShareForm(null, null, null));
        return page(id, model, true);
    }

    @PostMapping("/personen/{id}/delen")
    @PreAuthorize("hasRole('TEAM_LEAD')")
    String share(@PathVariable UUID id, @Valid @ModelAttribute("share") ShareForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && Forms.attempt(errors, () -> shares.share(id, form.teamId(), form.reason(), form.endsOn()))) {
            redirect.addFlashAttribute("saved", "shares.saved");
            return "redirect:/personen/" + id + "/delen";
        }
        return page(id, model, true);
    }

    @PostMapping("/personen/{id}/delen/{shareId}/intrekken")
    @PreAuthorize("hasRole('TEAM_LEAD')")
    String revoke(@PathVariable UUID id, @PathVariable UUID shareId, @RequestParam int version,
            RedirectAttributes redirect) {
        Forms.attempt(redirect, "shares.saved", () -> shares.revoke(id, shareId, version));
        return "redirect:/personen/" + id + "/delen";
    }

    private String page(UUID id, Model model, boolean log) {
        model.addAttribute("person", files.open(id));
        model.addAttribute("shares", shares.of(id));
        model.addAttribute("teams", shares.otherTeams());
        if (log) {
            audit.read(AuditAction.READ, id);
        }
        return "residents/shares";
    }

}
