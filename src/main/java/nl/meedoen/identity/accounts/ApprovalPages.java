package nl.meedoen.identity.accounts;

import java.util.UUID;

import nl.meedoen.platform.Time;
import nl.meedoen.platform.web.Forms;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The roles that wait for a second administrator or team lead ({@link RoleApprovals}):
 * who asked what for whom, with a button to approve and one to decline.
 */
@Controller
class ApprovalPages {

    private final RoleApprovals approvals;

    ApprovalPages(RoleApprovals approvals) {
        this.approvals = approvals;
    }

    @GetMapping("/beheer/goedkeuringen")
    @PreAuthorize("hasAnyRole('ADMIN', 'TEAM_LEAD')")
    String list(Model model) {
        model.addAttribute("waiting", approvals.waiting());
        model.addAttribute("fourEyes", approvals.enabled());
        model.addAttribute("zone", Time.ZONE);
        return "accounts/approvals";
    }

    @PostMapping("/beheer/goedkeuringen/{id}/goedkeuren")
    @PreAuthorize("hasAnyRole('ADMIN', 'TEAM_LEAD')")
    String approve(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        Forms.attempt(redirect, "account.approval.approved", () -> approvals.approve(id, version));
        return "redirect:/beheer/goedkeuringen";
    }

    @PostMapping("/beheer/goedkeuringen/{id}/afwijzen")
    @PreAuthorize("hasAnyRole('ADMIN', 'TEAM_LEAD')")
    String decline(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        Forms.attempt(redirect, "account.approval.declined", () -> approvals.decline(id, version));
        return "redirect:/beheer/goedkeuringen";
    }

}
