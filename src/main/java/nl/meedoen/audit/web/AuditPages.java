package nl.meedoen.audit.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.AuditSubjects;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.audit.internal.ChainVerification;
import nl.meedoen.audit.internal.ProcessingLog;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Time;
import nl.meedoen.platform.IdentifyingNumbers;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The privacy officer's pages: find a person, read their processing log, check the chain.
 */
@Controller
@PreAuthorize("hasRole('PRIVACY_OFFICER')")
class AuditPages {

    private static final int PAGE_SIZE = 50;

    private final ProcessingLog log;

    private final AuditLog auditLog;

    private final AuditSubjects subjects;

    private final ChainVerification chain;

    AuditPages(ProcessingLog log, AuditLog auditLog, AuditSubjects subjects, ChainVerification chain) {
        this.chain = chain;
        this.log = log;
        this.auditLog = auditLog;
        this.subjects = subjects;
    }

    @GetMapping("/logboek")
    @ShowsPersonData
    String index(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String controleer, Model model, HttpServletResponse response) {
        if (q != null && IdentifyingNumbers.looksLikeOne(q)) {
            // A BSN or V-number stays out of addresses: the search form posts it.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("numberInAddress", true);
        }
        else if (q != null && !q.isBlank()) {
            search(q, model);
        }
        if (controleer != null) {
            model.addAttribute("verification", chain.verify());
        }
        return "audit/index";
    }

    /** The search form's answer, with the query (a name, BSN or V-number) in the body. */
    @PostMapping("/logboek/zoeken")
    String searchByPost(@RequestParam(defaultValue = "") String q, Model model) {
        if (!q.isBlank()) {
            search(q, model);
        }
        return "audit/index";
    }

    private void search(String q, Model model) {
        String query = q.length() > 200 ? q.substring(0, 200) : q;
        model.addAttribute("q", query);
        List<AuditSubjects.Subject> found = subjects.search(query, 25);
        model.addAttribute("subjects", found);
        auditLog.read(AuditAction.SEARCH, found.stream().map(AuditSubjects.Subject::id).toList());
    }

    /**
     * What one employee processed: for checking that files were opened only with reason.
     */
    @GetMapping("/logboek/medewerker")
    @ShowsPersonData
    String actor(@RequestParam(defaultValue = "") String naam, @RequestParam(defaultValue = "0") int pagina,
            Model model) {
        String actor = naam.strip().toLowerCase(Locale.ROOT);
        if (actor.isEmpty() || actor.length() > 60) {
            return "redirect:/logboek";
        }
        int page = Math.max(pagina, 0);
        long total = log.countBy(actor);
        List<ProcessingLog.Entry> entries = log.entriesBy(actor, page, PAGE_SIZE);
        model.addAttribute("actor", actor);
        model.addAttribute("entries", entries);
        Map<UUID, AuditSubjects.Subject> shown = subjects.findAll(entries.stream()
            .map(ProcessingLog.Entry::personId)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet()));
        model.addAttribute("subjects", shown);
        auditLog.read(AuditAction.AUDIT_VIEW, shown.keySet());
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("zone", Time.ZONE);
        return "audit/actor";
    }

    @GetMapping("/logboek/personen/{id}")
    @ShowsPersonData
    @Transactional
    String person(@PathVariable UUID id, @RequestParam(defaultValue = "0") int pagina, Model model) {
        AuditSubjects.Subject subject = subjects.find(id).orElseThrow(NotFoundException::new);
        int page = Math.max(pagina, 0);
        long total = log.countOf(id);
        model.addAttribute("subject", subject);
        model.addAttribute("entries", log.entriesOf(id, page, PAGE_SIZE));
        // This consultation is logged too; it shows from the next one on.
        auditLog.record(AuditAction.AUDIT_VIEW, id);
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("pages", (total + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("zone", Time.ZONE);
        return "audit/person";
    }

}
