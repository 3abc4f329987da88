package nl.meedoen.provisions.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import nl.meedoen.platform.IsoCodes;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.platform.web.LanguageNames;
import nl.meedoen.provisions.Domain;
import nl.meedoen.provisions.PartnerKind;
import nl.meedoen.provisions.internal.PartnerDetails;
import nl.meedoen.provisions.internal.ProvisionCsv;
import nl.meedoen.provisions.internal.ProvisionDetails;
import nl.meedoen.provisions.internal.ProvisionDirectory;
import nl.meedoen.provisions.internal.ProvisionInput;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The provision directory pages: the searchable, printable directory for everyone logged
 * in, and its administration (add, change, (de)activate, partner organisations, CSV
 * import and export) for administrators.
 */
@Controller
class DirectoryPages {

    /** A language for the filter: its code and its name in the reader's language. */
    record LanguageOption(String code, String name) {
    }

    record ProvisionForm(@Nullable String partnerId, @Nullable String name, @Nullable String description,
            @Nullable String domain, @Nullable String targetGroup, @Nullable @LanguageNames List<String> languages,
            @Nullable String cost, @Nullable String accessibility, @Nullable String location,
            @Nullable String openingHours, @Nullable String howToApply, boolean active, @Nullable Integer version) {

        ProvisionInput input() {
            return new ProvisionInput(partnerId, name, description, domain, targetGroup,
                    languages == null ? List.of() : languages, cost, accessibility, location, openingHours, howToApply,
                    active);
        }

        static ProvisionForm of(ProvisionDetails p) {
            return new ProvisionForm(p.partnerId().toString(), p.name(), p.description(), p.domain().name(),
                    p.targetGroup(), p.languages(), p.cost(), p.accessibility(), p.location(), p.openingHours(),
                    p.howToApply(), p.active(), p.version());
        }
    }

    record PartnerForm(@Nullable String name, @Nullable PartnerKind kind, @Nullable String contactName,
            @Nullable String email, @Nullable String phone, @Nullable String street, @Nullable String houseNumber,
            @Nullable String postcode, @Nullable String city) {
    }

    private final ProvisionDirectory directory;

    private final ProvisionCsv csv;

    DirectoryPages(ProvisionDirectory directory, ProvisionCsv csv) {
        this.directory = directory;
        this.csv = csv;
    }

    @GetMapping("/sociale-kaart")
    String directory(@RequestParam(name = "domein", required = false) @Nullable String domain,
            @RequestParam(name = "taalcode", required = false) @Nullable String language,
            @RequestParam(required = false) @Nullable String q, Model model) {
        Domain chosen = ProvisionInput.domain(domain);
        String languageCode = language == null || language.isBlank() ? null : language.strip();
        List<ProvisionDetails> provisions = directory
            .search(new ProvisionDirectory.Query(chosen, languageCode, q, false));
        model.addAttribute("provisions", provisions);
        model.addAttribute("byDomain", byDomain(provisions));
        model.addAttribute("partners",
                directory.partners().stream().collect(Collectors.toMap(PartnerDetails::id, p -> p)));
        model.addAttribute("domains", Domain.values());
        model.addAttribute("languages", languageOptions(directory.languagesOffered()));
        model.addAttribute("languageNames", languageNames(provisions));
        model.addAttribute("domain", chosen == null ? "" : chosen.name());
        model.addAttribute("language", languageCode == null ? "" : languageCode);
        model.addAttribute("q", q == null ? "" : q);
        return "provisions/directory";
    }

    /**
     * The directory's provisions grouped by domain in the domains' order, each group with
     * its own heading, so a long directory reads as a table of contents with sections.
     */
    private static Map<Domain, List<ProvisionDetails>> byDomain(List<ProvisionDetails> provisions) {
        Map<Domain, List<ProvisionDetails>> groups = new EnumMap<>(Domain.class);
        for (ProvisionDetails provision : provisions) {
            groups.computeIfAbsent(provision.domain(), d -> new ArrayList<>()).add(provision);
        }
        return groups;
    }

    @GetMapping("/sociale-kaart/{id}")
    String provision(@PathVariable UUID id, Model model) {
        ProvisionDetails provision = directory.details(id).orElseThrow(NotFoundException::new);
        model.addAttribute("provision", provision);
        model.addAttribute("partner", directory.partnerDetails(provision.partnerId()).orElseThrow());
        model.addAttribute("languageNames", languageNames(List.of(provision)));
        return "provisions/provision";
    }

    @GetMapping("/sociale-kaart/beheer")
    @PreAuthorize("hasRole('ADMIN')")
    String admin(Model model) {
        model.addAttribute("provisions", directory.search(new ProvisionDirectory.Query(null, null, null, true)));
        model.addAttribute("partnerList", directory.partners());
        if (!model.containsAttribute("partnerForm")) {
            model.addAttribute("partnerForm", new PartnerForm(null, null, null, null, null, null, null, null, null));
        }
        model.addAttribute("kinds", PartnerKind.values());
        return "provisions/admin";
    }

    @PostMapping("/sociale-kaart/beheer/organisaties")
    @PreAuthorize("hasRole('ADMIN')")
    String createPartner(@ModelAttribute("partnerForm") PartnerForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && Forms.attempt(errors, () -> directory.createPartner(form.name(), form.kind(), form.contactName(),
                        form.email(), form.phone(), form.street(), form.houseNumber(), form.postcode(), form.city()))) {
            redirect.addFlashAttribute("saved", "provisions.partner.saved");
            return "redirect:/sociale-kaart/beheer";
        }
        return admin(model);
    }

    @GetMapping("/sociale-kaart/beheer/nieuw")
    @PreAuthorize("hasRole('ADMIN')")
    String newProvision(Model model) {
        model.addAttribute("form",
                new ProvisionForm(null, null, null, null, null, null, null, null, null, null, null, true, null));
        return form(model, null);
    }

    @PostMapping("/sociale-kaart/beheer/nieuw")
    @PreAuthorize("hasRole('ADMIN')")
    String create(@ModelAttribute("form") ProvisionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        UUID[] created = new UUID[1];
        if (!errors.hasErrors() && Forms.attempt(errors, () -> created[0] = directory.create(form.input()).id())) {
            redirect.addFlashAttribute("saved", "provisions.saved");
            return "redirect:/sociale-kaart/" + created[0];
        }
        return form(model, null);
    }

    @GetMapping("/sociale-kaart/beheer/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String edit(@PathVariable UUID id, Model model) {
        model.addAttribute("form", ProvisionForm.of(directory.details(id).orElseThrow(NotFoundException::new)));
        return form(model, id);
    }

    @PostMapping("/sociale-kaart/beheer/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@PathVariable UUID id, @ModelAttribute("form") ProvisionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> directory.update(id, form.version() == null ? -1 : form.version(), form.input()))) {
            redirect.addFlashAttribute("saved", "provisions.saved");
            return "redirect:/sociale-kaart/" + id;
        }
        return form(model, id);
    }

    @PostMapping("/sociale-kaart/beheer/{id}/actief")
    @PreAuthorize("hasRole('ADMIN')")
    String setActive(@PathVariable UUID id, @RequestParam boolean active, RedirectAttributes redirect) {
        directory.setActive(id, active);
        redirect.addFlashAttribute("saved", active ? "provisions.activated" : "provisions.deactivated");
        return "redirect:/sociale-kaart/beheer";
    }

    @GetMapping("/sociale-kaart/export.csv")
    @PreAuthorize("hasAnyRole('ADMIN', 'TEAM_LEAD', 'CASEWORKER')")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"sociale-kaart.csv\"");
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        csv.export(writer);
        writer.flush();
    }

    @GetMapping("/sociale-kaart/beheer/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importForm(Model model) {
        model.addAttribute("header", String.join(";", ProvisionCsv.HEADER));
        model.addAttribute("domains", Domain.values());
        return "provisions/import";
    }

    @PostMapping("/sociale-kaart/beheer/import")
    @PreAuthorize("hasRole('ADMIN')")
    String importFile(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(name = "goodRows", defaultValue = "false") boolean goodRows, Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            model.addAttribute("fileError", "provisions.csv.noFile");
            return importForm(model);
        }
        if (file.getSize() > 2_000_000) {
            model.addAttribute("fileError", "provisions.csv.tooLarge");
            return importForm(model);
        }
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            model.addAttribute("report", csv.importFrom(skipBom(reader), goodRows));
        }
        return importForm(model);
    }

    private static Reader skipBom(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private String form(Model model, @Nullable UUID id) {
        model.addAttribute("provisionId", id);
        model.addAttribute("partnerList", directory.partners());
        model.addAttribute("domains", Domain.values());
        return "provisions/form";
    }

    /** Languages without a name in the JDK that newcomers often speak. */
    private static final Map<String, String> EXTRA_NAMES = Map.of("prs", "Dari", "tig", "Tigre", "ckb", "Sorani", "kmr",
            "Kurmanji", "apc", "Levantijns Arabisch", "haz", "Hazaragi");

    static String languageName(String code, Locale locale) {
        String name = IsoCodes.languageName(code, locale);
        return name.equals(code) ? EXTRA_NAMES.getOrDefault(code, code) : name;
    }

    private static List<LanguageOption> languageOptions(List<String> codes) {
        Locale locale = LocaleContextHolder.getLocale();
        return codes.stream()
            .map(code -> new LanguageOption(code, languageName(code, locale)))
            .sorted(Comparator.comparing(LanguageOption::name, String.CASE_INSENSITIVE_ORDER))
            .toList();
    }

    private static Map<UUID, String> languageNames(List<ProvisionDetails> provisions) {
        Locale locale = LocaleContextHolder.getLocale();
        return provisions.stream()
            .collect(Collectors.toMap(ProvisionDetails::id,
                    p -> p.languages()
                        .stream()
                        .map(code -> languageName(code, locale))
                        .collect(Collectors.joining(", "))));
    }

}
