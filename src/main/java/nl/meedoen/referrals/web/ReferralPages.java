package nl.meedoen.referrals.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.UnprocessableException;
import nl.meedoen.provisions.Provisions;
import nl.meedoen.referrals.ReferralStatus;
import nl.meedoen.referrals.SharedField;
import nl.meedoen.referrals.internal.ReferralSettings;
import nl.meedoen.referrals.internal.Referrals;
import nl.meedoen.residents.Residents;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
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
 * The referral pages: a person's referrals with the form for a new one (caseworkers and
 * team leads), the municipality's overview with the referrals waiting too long first, and
 * the partner's own list and detail pages.
 */
@Controller
class ReferralPages {

    record ReferralForm(@Nullable String provisionId, @Nullable String purpose, @Nullable List<String> sharedFields,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate consentGivenOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate consentValidUntil,
            @Nullable String legalBasis) {
    }

    private final Referrals referrals;

    private final ReferralSettings settings;

    private final Residents residents;

    private final Provisions provisions;

    ReferralPages(Referrals referrals, ReferralSettings settings, Residents residents, Provisions provisions) {
        this.referrals = referrals;
        this.settings = settings;
        this.residents = residents;
        this.provisions = provisions;
    }

    @GetMapping("/personen/{id}/verwijzingen")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String person(@PathVariable UUID id, Model model) {
        return personPage(id, model);
    }

    @PostMapping("/personen/{id}/verwijzingen")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String create(@PathVariable UUID id, @ModelAttribute("referral") ReferralForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        UUID provisionId = uuid(form.provisionId());
        if (provisionId == null && !errors.hasErrors()) {
            // After a failed conversion (e.g. an impossible date) the form has no target
            // to reject a value on.
            errors.rejectValue("provisionId", "referrals.provision.required");
        }
        if (!errors.hasErrors()) {
            try {
                List<SharedField> fields = ReferralApi.sharedFields(form.sharedFields());
                referrals.draft(new Referrals.Draft(id, provisionId, form.purpose() == null ? "" : form.purpose(),
                        fields, form.consentGivenOn(), form.consentValidUntil(), form.legalBasis()));
                redirect.addFlashAttribute("saved", "referrals.created");
                return "redirect:/personen/" + id + "/verwijzingen";
            }
            catch (InvalidInputException ex) {
                ex.errors().forEach(e -> errors.rejectValue(formField(e.field()), e.messageKey()));
            }
            catch (ConflictException ex) {
                errors.rejectValue("provisionId", ex.messageKey());
            }
            catch (NotFoundException ex) {
                errors.rejectValue("provisionId", "referrals.provision.required");
            }
        }
        return personPage(id, model);
    }

    @PostMapping("/personen/{id}/verwijzingen/{referralId}/grondslag")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String recordBasis(@PathVariable UUID id, @PathVariable UUID referralId,
            @RequestParam(required = false) @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate consentGivenOn,
            @RequestParam(required = false) @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate consentValidUntil,
            @RequestParam(required = false) @Nullable String legalBasis, RedirectAttributes redirect) {
        return attempt(id, referralId, redirect, "referrals.basisSaved",
                () -> referrals.recordBasis(referralId, consentGivenOn, consentValidUntil, legalBasis));
    }

    @PostMapping("/personen/{id}/verwijzingen/{referralId}/versturen")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String send(@PathVariable UUID id, @PathVariable UUID referralId,
            @RequestParam(required = false) @Nullable String overrideReason, RedirectAttributes redirect) {
        return attempt(id, referralId, redirect, "referrals.sent",
                () -> referrals.send(referralId, overrideReason, null));
    }

    @PostMapping("/personen/{id}/verwijzingen/{referralId}/status")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String transition(@PathVariable UUID id, @PathVariable UUID referralId, @RequestParam String to,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        return attempt(id, referralId, redirect,
                "WITHDRAWN".equals(to) ? "referrals.withdrawn" : "referrals.transitioned",
                () -> referrals.transition(referralId, ReferralApi.status(to), reason, null));
    }

    @GetMapping("/verwijzingen")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String overview(Model model) {
        List<Referrals.View> all = referrals.list(null, null)
            .stream()
            .sorted(Comparator.comparing((Referrals.View v) -> !v.waitingTooLong())
                .thenComparing(v -> v.referral().status().isFinal())
                .thenComparing(v -> v.referral().statusOn(), Comparator.reverseOrder()))
            .toList();
        model.addAttribute("referrals", all);
        model.addAttribute("responseDays", settings.current().responseDays());
        return "referrals/overview";
    }

    @PostMapping("/verwijzingen/instellingen")
    @PreAuthorize("hasAnyRole('TEAM_LEAD', 'ADMIN')")
    String changeSettings(@RequestParam(required = false) @Nullable Integer responseDays, RedirectAttributes redirect) {
        try {
            settings.change(responseDays == null ? 0 : responseDays);
            redirect.addFlashAttribute("saved", "referrals.settings.saved");
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problem", ex.errors().get(0).messageKey());
        }
        return "redirect:/verwijzingen";
    }

    @GetMapping("/partner/verwijzingen")
    @PreAuthorize("hasRole('PARTNER')")
    String partnerList(Model model) {
        model.addAttribute("referrals", referrals.forMyOrganisation(null));
        model.addAttribute("organisation", myOrganisation());
        return "referrals/partner-list";
    }

    @GetMapping("/partner/verwijzingen/{referralId}")
    @PreAuthorize("hasRole('PARTNER')")
    String partnerDetail(@PathVariable UUID referralId, Model model) {
        Referrals.PartnerView view = referrals.findForMyOrganisation(referralId);
        model.addAttribute("view", view);
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("languageNames",
                view.person() == null || view.person().languages() == null ? ""
                        : String.join(", ",
                                view.person()
                                    .languages()
                                    .stream()
                                    .map(code -> nl.meedoen.platform.IsoCodes.languageName(code, locale))
                                    .toList()));
        model.addAttribute("history", referrals.history(referralId));
        model.addAttribute("organisation", myOrganisation());
        model.addAttribute("next",
                view.referral().status().next().stream().filter(ReferralStatus::isPartnerResponse).toList());
        return "referrals/partner-detail";
    }

    @PostMapping("/partner/verwijzingen/{referralId}/status")
    @PreAuthorize("hasRole('PARTNER')")
    String partnerTransition(@PathVariable UUID referralId, @RequestParam String to,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        try {
            referrals.transition(referralId, ReferralApi.status(to), reason, null);
            redirect.addFlashAttribute("saved", "referrals.transitioned");
        }
        catch (ConflictException ex) {
            redirect.addFlashAttribute("problem", ex.messageKey());
            redirect.addFlashAttribute("problemArgs", ex.arguments());
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problem", ex.errors().get(0).messageKey());
        }
        return "redirect:/partner/verwijzingen/" + referralId;
    }

    private String attempt(UUID personId, UUID referralId, RedirectAttributes redirect, String savedKey,
            Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", savedKey);
        }
        catch (ConflictException ex) {
            redirect.addFlashAttribute("problem", ex.messageKey());
            redirect.addFlashAttribute("problemArgs", ex.arguments());
        }
        catch (UnprocessableException ex) {
            redirect.addFlashAttribute("problem", ex.messageKey());
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problem", ex.errors().get(0).messageKey());
        }
        redirect.addFlashAttribute("focus", referralId.toString());
        return "redirect:/personen/" + personId + "/verwijzingen#verwijzing-" + referralId;
    }

    private String personPage(UUID id, Model model) {
        Residents.Resident person = residents.find(id).orElseThrow(NotFoundException::new);
        List<Referrals.View> list = referrals.list(id, null);
        Map<UUID, List<Referrals.Transition>> histories = new LinkedHashMap<>();
        list.forEach(v -> histories.put(v.referral().id(), referrals.history(v.referral().id())));
        model.addAttribute("person", person);
        model.addAttribute("referrals", list);
        model.addAttribute("histories", histories);
        model.addAttribute("provisionOptions", provisions.active());
        model.addAttribute("fields", SharedField.values());
        model.addAttribute("today", Referrals.today());
        if (!model.containsAttribute("referral")) {
            model.addAttribute("referral", new ReferralForm(null, null, List.of("NAME", "PHONE"), null, null, null));
        }
        return "referrals/person";
    }

    private String myOrganisation() {
        return CurrentUser.current()
            .flatMap(u -> u.partnerId() == null ? java.util.Optional.empty() : provisions.partner(u.partnerId()))
            .map(Provisions.Partner::name)
            .orElse("—");
    }

    private static String formField(String field) {
        return switch (field) {
            case "consent.givenOn" -> "consentGivenOn";
            case "consent.validUntil" -> "consentValidUntil";
            default -> field;
        };
    }

    private static @Nullable UUID uuid(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

}
