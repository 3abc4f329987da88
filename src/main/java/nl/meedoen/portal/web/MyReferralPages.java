package nl.meedoen.portal.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.portal.internal.ResidentFiles;
import nl.meedoen.referrals.OwnReferrals;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * My referrals and consents (no JavaScript needed): where I am referred and the consents
 * I gave, and the withdrawal of a consent in two steps, the question and the answer. The
 * referrals are always the logged-in resident's own.
 */
@Controller
@PreAuthorize("hasRole('RESIDENT')")
class MyReferralPages {

    private final ResidentFiles files;

    private final OwnReferrals referrals;

    private final AuditLog audit;

    MyReferralPages(ResidentFiles files, OwnReferrals referrals, AuditLog audit) {
        this.files = files;
        this.referrals = referrals;
        this.audit = audit;
    }

    @ShowsPersonData
    @GetMapping("/mijn/verwijzingen")
    String list(HttpServletRequest request, Model model) {
        UUID person = files.current();
        var locale = PortalPage.texts(request, model);
        model.addAttribute("view", ReferralsView.of(referrals.of(person), locale));
        model.addAttribute("withdrawn", request.getParameter("ingetrokken") != null);
        audit.read(AuditAction.PORTAL_READ, person);
        return "portal/referrals";
    }

    /** The question before a consent is withdrawn: what it allowed and what happens. */
    @ShowsPersonData
    @GetMapping("/mijn/verwijzingen/{id}/intrekken")
    String confirm(@PathVariable UUID id, HttpServletRequest request, Model model) {
        UUID person = files.current();
        var locale = PortalPage.texts(request, model);
        var item = referrals.of(person)
            .stream()
            .filter(r -> r.id().equals(id) && r.consent() != null)
            .findFirst()
            .map(r -> ReferralsView.item(r, locale))
            .orElseThrow(NotFoundException::new);
        model.addAttribute("item", item);
        audit.read(AuditAction.PORTAL_READ, person);
        return "portal/withdraw";
    }

    @PostMapping("/mijn/verwijzingen/{id}/intrekken")
    String withdraw(@PathVariable UUID id) {
        referrals.withdrawConsent(files.current(), id);
        return "redirect:/mijn/verwijzingen?ingetrokken=1#verwijzing-" + id;
    }

}
