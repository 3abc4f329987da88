package nl.meedoen.trajectories.web;

import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.trajectories.internal.TransferDocument;
import nl.meedoen.trajectories.internal.TransferFacts;
import nl.meedoen.trajectories.internal.Transfers;
import nl.meedoen.trajectories.internal.Transfers.Transfer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The move to another municipality: on the person's trajectory the offer of a transfer
 * and the handover document (PDF and JSON); for the receiving team the transfers offered
 * to it, to accept.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class TransferPages {

    record OfferForm(@Nullable String toMunicipalityCode) {
    }

    private final TrajectoryTabs tabs;

    private final Transfers transfers;

    private final TransferDocument document;

    private final Municipalities municipalities;

    private final JsonMapper json;

    private final AuditLog audit;

    TransferPages(TrajectoryTabs tabs, Transfers transfers, TransferDocument document, Municipalities municipalities,
            JsonMapper json, AuditLog audit) {
        this.tabs = tabs;
        this.transfers = transfers;
        this.document = document;
        this.municipalities = municipalities;
        this.json = json;
        this.audit = audit;
    }

    @ShowsPersonData

    @GetMapping("/personen/{id}/traject/verhuizing")
    String move(@PathVariable UUID id, Model model) {
        return page(id, model);
    }

    @PostMapping("/personen/{id}/traject/verhuizing")
    String offer(@PathVariable UUID id, @ModelAttribute("offer") OfferForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (Forms.attempt(errors, () -> transfers.offer(id, form.toMunicipalityCode()))) {
            return TrajectoryTabs.saved(redirect, "trajectories.transfer.offered", id, "/verhuizing");
        }
        return page(id, model);
    }

    @ShowsPersonData

    @GetMapping("/personen/{id}/traject/overdracht.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        TransferFacts facts = transfers.facts(id);
        audit.read(AuditAction.TRAJECTORY_READ, id);
        return download(document.pdf(facts), MediaType.APPLICATION_PDF, "overdracht.pdf");
    }

    @ShowsPersonData

    @GetMapping("/personen/{id}/traject/overdracht.json")
    ResponseEntity<byte[]> jsonDocument(@PathVariable UUID id) {
        TransferFacts facts = transfers.facts(id);
        audit.read(AuditAction.TRAJECTORY_READ, id);
        return download(json.writeValueAsBytes(facts), MediaType.APPLICATION_JSON, "overdracht.json");
    }

    @ShowsPersonData

    @GetMapping("/traject/overdrachten")
    String incoming(Model model) {
        List<Transfer> all = transfers.all();
        List<Transfer> offered = all.stream().filter(t -> t.incoming() && t.facts() != null).toList();
        model.addAttribute("offered", offered);
        model.addAttribute("history", all.stream().filter(t -> t.facts() == null).toList());
        audit.read(AuditAction.TRAJECTORY_READ, offered.stream().map(Transfer::personId).toList());
        return "trajectories/transfers";
    }

    @PostMapping("/traject/overdrachten/{transferId}/accepteren")
    String accept(@PathVariable UUID transferId, @RequestParam int version, RedirectAttributes redirect) {
        UUID[] person = new UUID[1];
        if (Forms.attempt(redirect, "trajectories.transfer.accepted",
                () -> person[0] = transfers.accept(transferId, version))) {
            return "redirect:/personen/" + person[0] + "/traject/verhuizing";
        }
        return "redirect:/traject/overdrachten";
    }

    @PostMapping("/personen/{id}/traject/verhuizing/{transferId}/intrekken")
    String withdraw(@PathVariable UUID id, @PathVariable UUID transferId, @RequestParam int version,
            RedirectAttributes redirect) {
        Forms.attempt(redirect, "trajectories.transfer.withdrawn", () -> transfers.withdraw(transferId, version));
        return "redirect:/personen/" + id + "/traject/verhuizing";
    }

    private String page(UUID id, Model model) {
        tabs.open(id, model);
        model.addAttribute("transfers", transfers.of(id));
        model.addAttribute("received", transfers.received(id).orElse(null));
        UUID here = Tenancy.require();
        model.addAttribute("municipalities", municipalities.all().stream().filter(m -> !m.id().equals(here)).toList());
        Forms.addIfAbsent(model, "offer", new OfferForm(null));
        return tabs.shown(id, "move");
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok()
            .contentType(type)
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
            .body(body);
    }

}
