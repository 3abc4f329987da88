package nl.meedoen.portal.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.portal.internal.ChangeRequests;
import nl.meedoen.portal.internal.ChangeRequests.Report;
import nl.meedoen.portal.internal.MessageExchange;
import nl.meedoen.portal.internal.ResidentFiles;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The resident's messages with the caseworker and the report of a change of phone, e-mail
 * or address (no JavaScript needed). Always the logged-in resident's own file.
 */
@Controller
@PreAuthorize("hasRole('RESIDENT')")
class MyMessagePages {

    /** A message the resident writes. */
    record MessageForm(@Nullable String text) {
    }

    /** A change the resident reports; empty fields stay as they are. */
    record ChangeForm(@Nullable String phone, @Nullable String email, @Nullable String street,
            @Nullable String houseNumber, @Nullable String postcode, @Nullable String city) {

        Report report() {
            return new Report(phone, email, street, houseNumber, postcode, city);
        }

        @Override
        public String toString() {
            return "ChangeForm[*]";
        }

    }

    private final ResidentFiles files;

    private final MessageExchange messages;

    private final ChangeRequests changes;

    private final AuditLog audit;

    MyMessagePages(ResidentFiles files, MessageExchange messages, ChangeRequests changes, AuditLog audit) {
        this.files = files;
        this.messages = messages;
        this.changes = changes;
        this.audit = audit;
    }

    @ShowsPersonData
    @GetMapping("/mijn/berichten")
    String messages(HttpServletRequest request, Model model) {
        return messagesPage(files.current(), new MessageForm(""), List.of(), request, model);
    }

    @PostMapping("/mijn/berichten")
    String send(@ModelAttribute("form") MessageForm form, BindingResult errors, HttpServletRequest request,
            Model model) {
        UUID person = files.current();
        if (Forms.attempt(errors, () -> messages.send(person, form.text()))) {
            return "redirect:/mijn/berichten?verstuurd=1#berichten";
        }
        return messagesPage(person, form, PortalErrors.of(errors), request, model);
    }

    private String messagesPage(UUID person, MessageForm form, List<PortalErrors.Problem> problems,
            HttpServletRequest request, Model model) {
        Locale locale = PortalPage.texts(request, model);
        model.addAttribute("view", MessagesView.of(messages.open(person), locale));
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("sent", request.getParameter("verstuurd") != null);
        model.addAttribute("maximum", MessageExchange.MAXIMUM_LENGTH);
        audit.read(AuditAction.PORTAL_READ, person);
        return "portal/messages";
    }

    @ShowsPersonData
    @GetMapping("/mijn/wijziging")
    String change(HttpServletRequest request, Model model) {
        return changePage(files.current(), new ChangeForm(null, null, null, null, null, null), List.of(), request,
                model);
    }

    @PostMapping("/mijn/wijziging")
    String report(@ModelAttribute("form") ChangeForm form, BindingResult errors, HttpServletRequest request,
            Model model) {
        UUID person = files.current();
        if (Forms.attempt(errors, () -> changes.report(person, form.report()))) {
            return "redirect:/mijn/wijziging?gemeld=1";
        }
        return changePage(person, form, PortalErrors.of(errors), request, model);
    }

    private String changePage(UUID person, ChangeForm form, List<PortalErrors.Problem> problems,
            HttpServletRequest request, Model model) {
        Locale locale = PortalPage.texts(request, model);
        model.addAttribute("requests", ChangesView.of(changes.of(person), locale));
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("reported", request.getParameter("gemeld") != null);
        audit.read(AuditAction.PORTAL_READ, person);
        return "portal/change";
    }

}
