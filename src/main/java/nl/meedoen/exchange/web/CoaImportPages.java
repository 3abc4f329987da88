package nl.meedoen.exchange.web;

import java.io.IOException;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsNoPersonData;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.exchange.internal.CoaImports;
import nl.meedoen.exchange.internal.CoaMatchList;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The COA match list for caseworkers: upload, the preview per row with the households,
 * the confirmation and its progress; and the remarks of a person's COA profile, for the
 * person's own team only.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class CoaImportPages {

    private final CoaImports imports;

    private final Residents residents;

    private final AuditLog audit;

    CoaImportPages(CoaImports imports, Residents residents, AuditLog audit) {
        this.imports = imports;
        this.residents = residents;
        this.audit = audit;
    }

    @ShowsNoPersonData("the team's uploads: file names and counts")
    @GetMapping("/huisvesting/koppellijst")
    String form(Model model) {
        model.addAttribute("header", String.join(";", CoaMatchList.HEADER));
        model.addAttribute("uploads", imports.latest(20));
        return "exchange/coa-upload";
    }

    @PostMapping("/huisvesting/koppellijst")
    String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model)
            throws IOException {
        try {
            if (file == null) {
                throw new InvalidInputException("file", "exchange.coa.noFile");
            }
            CoaImports.Preview preview = imports.upload(file.getBytes(),
                    file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
            return "redirect:/huisvesting/koppellijst/" + preview.id();
        }
        catch (InvalidInputException ex) {
            model.addAttribute("fileError", ex.errors().get(0).messageKey());
            return form(model);
        }
    }

    @ShowsPersonData
    @GetMapping("/huisvesting/koppellijst/{id}")
    String preview(@PathVariable UUID id, Model model) {
        CoaImports.Preview preview = imports.find(id);
        audit.read(AuditAction.READ, preview.existingPersons());
        model.addAttribute("preview", preview);
        return "exchange/coa-preview";
    }

    @PostMapping("/huisvesting/koppellijst/{id}/bevestigen")
    String confirm(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        Forms.attempt(redirect, "exchange.import.confirmed", () -> imports.confirm(id, version));
        return "redirect:/huisvesting/koppellijst/" + id;
    }

    @ShowsPersonData
    @GetMapping("/personen/{id}/koppelprofiel")
    String remark(@PathVariable UUID id, Model model) {
        Resident person = residents.find(id).orElseThrow(NotFoundException::new);
        boolean ownTeam = person.ofCallersTeam();
        model.addAttribute("person", person);
        model.addAttribute("ownTeam", ownTeam);
        model.addAttribute("remark", ownTeam ? imports.remark(id).orElse(null) : null);
        audit.read(ownTeam ? AuditAction.COA_REMARK_READ : AuditAction.READ, id);
        return "exchange/coa-remark";
    }

}
