package nl.meedoen.plans.web;

import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.plans.internal.PlanLetter;
import nl.meedoen.plans.internal.PlanOverview;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The plan tab of a person's file (goals by spearhead and provision with their actions,
 * adoption and the PIP parts, the progress review, the version history, language per
 * skill with the lesson hours, children, work and income, and the "wegwijs" checklist),
 * its letter, and the overview of the municipality's plans. Each part of the tab has its
 * own controller for its forms.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class PlanPages {

    private final PlanTab tab;

    private final PlanOverview overview;

    private final PlanLetter letter;

    private final AuditLog audit;

    PlanPages(PlanTab tab, PlanOverview overview, PlanLetter letter, AuditLog audit) {
        this.tab = tab;
        this.overview = overview;
        this.letter = letter;
        this.audit = audit;
    }

    @ShowsPersonData
    @GetMapping("/personen/{id}/plan")
    String plan(@PathVariable UUID id, Model model) {
        return tab.show(id, model);
    }

    /** The municipality's plans, overdue reviews first: names and dates only. */
    @ShowsPersonData
    @GetMapping("/plannen")
    String overview(Model model) {
        List<PlanOverview.Line> lines = overview.lines(tab.today(), 500);
        model.addAttribute("plans", lines);
        audit.read(AuditAction.PLAN_READ, lines.stream().map(PlanOverview.Line::personId).toList());
        model.addAttribute("today", tab.today());
        return "plans/overview";
    }

    @ShowsPersonData
    @GetMapping("/personen/{id}/plan/brief.pdf")
    ResponseEntity<byte[]> letter(@PathVariable UUID id) {
        byte[] pdf = letter.render(id);
        audit.read(AuditAction.PLAN_READ, id);
        return Letters.inline(pdf);
    }

}
