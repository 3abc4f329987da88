package nl.meedoen.portal.web;

import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.portal.internal.ChangeRequests;
import nl.meedoen.portal.internal.MessageExchange;
import nl.meedoen.residents.ResidentCorrections;
import nl.meedoen.residents.Residents;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The file's tab "Mijn Meedoen" for the caseworkers of the file: the messages with the
 * resident (opening the tab reads the resident's messages) with the answer form, and the
 * changes the resident reported, each accepted into the file or rejected.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class FileExchangePages {

    private final Residents residents;

    private final ResidentCorrections corrections;

    private final MessageExchange messages;

    private final ChangeRequests changes;

    private final AuditLog audit;

    FileExchangePages(Residents residents, ResidentCorrections corrections, MessageExchange messages,
            ChangeRequests changes, AuditLog audit) {
        this.residents = residents;
        this.corrections = corrections;
        this.messages = messages;
        this.changes = changes;
        this.audit = audit;
    }

    @ShowsPersonData
    @GetMapping("/personen/{id}/mijn-meedoen")
    String tab(@PathVariable UUID id, Model model) {
        var person = residents.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("person", person);
        model.addAttribute("messages", messages.open(id));
        model.addAttribute("requests", changes.of(id));
        model.addAttribute("contact", residents.contact(id).orElse(null));
        model.addAttribute("fileVersion", corrections.recorded(id).orElseThrow(NotFoundException::new).version());
        model.addAttribute("maximum", MessageExchange.MAXIMUM_LENGTH);
        audit.read(AuditAction.READ, id);
        return "portal/file";
    }

    @PostMapping("/personen/{id}/mijn-meedoen/berichten")
    String answer(@PathVariable UUID id, @RequestParam(required = false) @Nullable String text,
            RedirectAttributes redirect) {
        Forms.attempt(redirect, "portal.file.messageSent", () -> messages.send(id, text));
        return "redirect:/personen/" + id + "/mijn-meedoen#berichten";
    }

    @PostMapping("/personen/{id}/mijn-meedoen/wijzigingen/{requestId}/accepteren")
    String accept(@PathVariable UUID id, @PathVariable UUID requestId, @RequestParam int version,
            @RequestParam int fileVersion, RedirectAttributes redirect) {
        Forms.attempt(redirect, "portal.file.changeAccepted",
                () -> changes.accept(id, requestId, version, fileVersion));
        return "redirect:/personen/" + id + "/mijn-meedoen#wijzigingen";
    }

    @PostMapping("/personen/{id}/mijn-meedoen/wijzigingen/{requestId}/afwijzen")
    String reject(@PathVariable UUID id, @PathVariable UUID requestId, @RequestParam int version,
            @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        Forms.attempt(redirect, "portal.file.changeRejected", () -> changes.reject(id, requestId, version, note));
        return "redirect:/personen/" + id + "/mijn-meedoen#wijzigingen";
    }

}
