package nl.meedoen.portal.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.plans.OwnPlans;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.portal.internal.ResidentFiles;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My plan on the pages (no JavaScript needed): the adopted plan's goals per spearhead or
 * area, a button on each of the resident's own actions to mark it done or not done, a
 * form on each goal for a wish or a question, the language chart with its table, and the
 * plan letter.
 */
@Controller
@PreAuthorize("hasRole('RESIDENT')")
class MyPlanPages {

    /**
     * The refusals the page words in the resident's language; any other in general words.
     */
    private static final Map<String, String> REFUSALS = Map.of(Forms.STALE, "portal.plan.stale", "plans.text.required",
            "portal.question.required", "plans.field.tooLong", "portal.question.tooLong");

    private final ResidentFiles files;

    private final OwnPlans plans;

    private final AuditLog audit;

    MyPlanPages(ResidentFiles files, OwnPlans plans, AuditLog audit) {
        this.files = files;
        this.plans = plans;
        this.audit = audit;
    }

    @ShowsPersonData
    @GetMapping("/mijn/plan")
    String plan(HttpServletRequest request, Model model) {
        return page(files.current(), request, model);
    }

    @PostMapping("/mijn/plan/acties/{actionId}")
    String markDone(@PathVariable UUID actionId, @RequestParam boolean done, @RequestParam int version,
            RedirectAttributes redirect) {
        UUID person = files.current();
        Forms.Problem problem = Forms.refusal(() -> plans.markOwnActionDone(person, actionId, done, version));
        if (problem == null) {
            redirect.addFlashAttribute("saved", done ? "portal.plan.markedDone" : "portal.plan.markedNotDone");
        }
        else {
            redirect.addFlashAttribute("problem", REFUSALS.getOrDefault(problem.messageKey(), "portal.plan.refused"));
        }
        return "redirect:/mijn/plan#actie-" + actionId;
    }

    /**
     * A wish or a question to a goal; a refused one shows the page again with the text as
     * typed.
     */
    @PostMapping("/mijn/plan/doelen/{goalId}/vragen")
    String ask(@PathVariable UUID goalId, @RequestParam String text, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        UUID person = files.current();
        Forms.Problem problem = Forms.refusal(() -> plans.ask(person, goalId, text));
        if (problem == null) {
            redirect.addFlashAttribute("saved", "portal.question.sent");
            return "redirect:/mijn/plan#doel-" + goalId;
        }
        model.addAttribute("questionFor", goalId);
        model.addAttribute("questionTyped", text);
        model.addAttribute("questionError", REFUSALS.getOrDefault(problem.messageKey(), "portal.plan.refused"));
        return page(person, request, model);
    }

    @ShowsPersonData
    @GetMapping("/mijn/plan/brief.pdf")
    @ResponseBody
    ResponseEntity<byte[]> letter() {
        UUID person = files.current();
        byte[] pdf = plans.letter(person);
        audit.read(AuditAction.PORTAL_READ, person);
        return Letters.plan(pdf);
    }

    private String page(UUID person, HttpServletRequest request, Model model) {
        Locale locale = PortalPage.texts(request, model);
        model.addAttribute("view", PlanView.of(plans.adopted(person), locale));
        model.addAttribute("chart", plans.languageChart(person, PlanView.chartLabels(locale)));
        audit.read(AuditAction.PORTAL_READ, person);
        return "portal/plan";
    }

}
