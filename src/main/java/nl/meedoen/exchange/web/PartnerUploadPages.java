package nl.meedoen.exchange.web;

import java.io.IOException;
import java.util.UUID;

import nl.meedoen.audit.ShowsNoPersonData;
import nl.meedoen.exchange.internal.PartnerUploads;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.web.Forms;
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
 * A partner organisation's reports by CSV on its own pages: upload, the preview per line
 * and the confirmation. The preview shows what the partner's own file says and whether
 * each line can be reported, never a person's details.
 */
@Controller
@PreAuthorize("hasRole('PARTNER')")
class PartnerUploadPages {

    private final PartnerUploads uploads;

    PartnerUploadPages(PartnerUploads uploads) {
        this.uploads = uploads;
    }

    @ShowsNoPersonData("the organisation's uploads: file names and counts")
    @GetMapping("/partner/meldingen")
    String form(Model model) {
        model.addAttribute("header", String.join(";", PartnerUploads.header()));
        model.addAttribute("uploads", uploads.latest(20));
        return "exchange/partner-upload";
    }

    @PostMapping("/partner/meldingen")
    String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model)
            throws IOException {
        try {
            if (file == null) {
                throw new InvalidInputException("file", "exchange.coa.noFile");
            }
            PartnerUploads.Preview preview = uploads.upload(file.getBytes(),
                    file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
            return "redirect:/partner/meldingen/" + preview.id();
        }
        catch (InvalidInputException ex) {
            model.addAttribute("fileError", ex.errors().get(0).messageKey());
            return form(model);
        }
    }

    @ShowsNoPersonData("the outcome per line of the partner's own file: line, kind, column and reason")
    @GetMapping("/partner/meldingen/{id}")
    String preview(@PathVariable UUID id, Model model) {
        model.addAttribute("preview", uploads.find(id));
        return "exchange/partner-preview";
    }

    @PostMapping("/partner/meldingen/{id}/bevestigen")
    String confirm(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        Forms.attempt(redirect, "exchange.partnerUpload.confirmed", () -> uploads.confirm(id, version));
        return "redirect:/partner/meldingen/" + id;
    }

}
