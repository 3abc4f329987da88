package nl.meedoen.referrals.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.IsoCodes;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.provisions.Provisions;
import nl.meedoen.referrals.ReferralStatus;
import nl.meedoen.referrals.SharedField;
import nl.meedoen.referrals.internal.ReferralSettings;
import nl.meedoen.referrals.internal.ReferralViews;
import nl.meedoen.referrals.internal.ReferralViews.PartnerView;
import nl.meedoen.referrals.internal.ReferralViews.View;
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

    record ReferralForm(@NotNull(message = "{referrals.provision.required}") @Nullable UUID provisionId,
            @Nullable String purpose, @Nullable List<SharedField> sharedFields,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate consentGivenOn,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate consentValidUntil,
            @Nullable String legalBasis) {

        Referrals.Draft draft(UUID personId) {
            return new Referrals.Draft(personId, provisionId, purpose == null ? "" : purpose,
                    sharedFields == null ? List.of() : sharedFields, consentGivenOn, consentValidUntil, legalBasis);
        }
    }

    private final Referrals referrals;

    private final ReferralViews views;

    private final ReferralSettings settings;

    private final Residents residents;

    private final Provisions provisions;

    private final AuditLog audit;

    private final Clock clock;

    ReferralPages(Referrals referrals, ReferralViews views, ReferralSettings settings, Residents residents,
            Provisions provisions, AuditLog audit, Clock clock) {
        this.referrals = referrals;
        this.views = views;
        this.settings = settings;
        this.residents = residents;
        this.provisions = provisions;
        this.audit = audit;
        this.clock = clock;
    }

    @ShowsPersonData
    @GetMapping("/personen/{id}/verwijzingen")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String person(@PathVariable UUID id, Model model) {
        return personPage(id, model);
    }

    @PostMapping("/personen/{id}/verwijzingen")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String create(@PathVariable UUID id, @Valid @ModelAttribute("referral") ReferralForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors, () -> referrals.draft(form.draft(id)))) {
            redirect.addFlashAttribute("saved", "referrals.created");
            return "redirect:/personen/" + id + "/verwijzingen";
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
            @RequestParam(required = false) @Nullable String legalBasis, @RequestParam int version,
            RedirectAttributes redirect) {
        Forms.attempt(redirect, "referrals.basisSaved",
                () -> referrals.recordBasis(referralId, consentGivenOn, consentValidUntil, legalBasis, version));
        return toReferral(id, referralId, redirect);
    }

    @PostMapping("/personen/{id}/verwijzingen/{referralId}/versturen")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String send(@PathVariable UUID id, @PathVariable UUID referralId,
            @RequestParam(required = false) @Nullable String overrideReason, @RequestParam int version,
            RedirectAttributes redirect) {
        Forms.attempt(redirect, "referrals.sent", () -> referrals.send(referralId, overrideReason, null, version));
        return toReferral(id, referralId, redirect);
    }

    @PostMapping("/personen/{id}/verwijzingen/{referralId}/status")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String transition(@PathVariable UUID id, @PathVariable UUID referralId,
            @RequestParam(required = false) @Nullable ReferralStatus to,
            @RequestParam(required = false) @Nullable String reason, @RequestParam int version,
            RedirectAttributes redirect) {
        if (to == null) {
            redirect.addFlashAttribute("problem", "referrals.to.required");
            return toReferral(id, referralId, redirect);
        }
        Forms.attempt(redirect, to == ReferralStatus.WITHDRAWN ? "referrals.withdrawn" : "referrals.transitioned",
                () -> referrals.transition(referralId, to, reason, null, version));
        return toReferral(id, referralId, redirect);
    }

    @ShowsPersonData
    @GetMapping("/verwijzingen")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String overview(Model model) {
        List<View> all = views.list(null, null)
            .stream()
            .sorted(Comparator.comparing((View v) -> !v.waitingTooLong())
                .thenComparing(v -> v.referral().status().isFinal())
                .thenComparing(v -> v.referral().statusOn(), Comparator.reverseOrder()))
            .toList();
        model.addAttribute("referrals", all);
        model.addAttribute("settings", settings.current());
        audit.read(AuditAction.REFERRAL_READ, all.stream().map(v -> v.referral().personId()).toList());
        return "referrals/overview";
    }

    @PostMapping("/verwijzingen/instellingen")
    @PreAuthorize("hasAnyRole('TEAM_LEAD', 'ADMIN')")
    String changeSettings(@RequestParam(required = false) @Nullable Integer responseDays,
            @RequestParam(required = false) @Nullable Integer partnerGraceDays, @RequestParam int version,
            RedirectAttributes redirect) {
        Forms.attempt(redirect, "referrals.settings.saved",
                () -> settings.change(responseDays == null ? 0 : responseDays, partnerGraceDays, version));
        return "redirect:/verwijzingen";
    }

    @ShowsPersonData
    @GetMapping("/partner/verwijzingen")
    @PreAuthorize("hasRole('PARTNER')")
    String partnerList(Model model) {
        List<PartnerView> shown = views.forMyOrganisation(null);
        model.addAttribute("referrals", shown);
        model.addAttribute("organisation", myOrganisation());
        audit.read(AuditAction.REFERRAL_PARTNER_READ,
                shown.stream().filter(PartnerView::showsPerson).map(v -> v.referral().personId()).toList());
        return "referrals/partner-list";
    }

    @ShowsPersonData
    @GetMapping("/partner/verwijzingen/{referralId}")
    @PreAuthorize("hasRole('PARTNER')")
    String partnerDetail(@PathVariable UUID referralId, Model model, Locale locale) {
        PartnerView view = views.findForMyOrganisation(referralId);
        List<String> languages = view.person() == null || view.person().languages() == null ? List.of()
                : view.person().languages();
        model.addAttribute("view", view);
        model.addAttribute("languageNames",
                String.join(", ", languages.stream().map(code -> IsoCodes.languageName(code, locale)).toList()));
        model.addAttribute("history", views.history(referralId));
        model.addAttribute("organisation", myOrganisation());
        model.addAttribute("next",
                view.referral().status().next().stream().filter(ReferralStatus::isPartnerResponse).toList());
        if (view.showsPerson()) {
            audit.read(AuditAction.REFERRAL_PARTNER_READ, view.referral().personId());
        }
        return "referrals/partner-detail";
    }

    @PostMapping("/partner/verwijzingen/{referralId}/status")
    @PreAuthorize("hasRole('PARTNER')")
    String partnerTransition(@PathVariable UUID referralId, @RequestParam ReferralStatus to,
            @RequestParam(required = false) @Nullable String reason, @RequestParam int version,
            RedirectAttributes redirect) {
        Forms.attempt(redirect, "referrals.transitioned",
                () -> referrals.transition(referralId, to, reason, null, version));
        return "redirect:/partner/verwijzingen/" + referralId;
    }

    /** Back to the referral on the person's page, which the page scrolls to. */
    private static String toReferral(UUID personId, UUID referralId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("focus", referralId.toString());
        return "redirect:/personen/" + personId + "/verwijzingen#verwijzing-" + referralId;
    }

    private String personPage(UUID id, Model model) {
        Residents.Resident person = residents.find(id).orElseThrow(NotFoundException::new);
        List<View> list = views.list(id, null);
        model.addAttribute("person", person);
        model.addAttribute("referrals", list);
        model.addAttribute("histories", views.historiesOf(list));
        model.addAttribute("provisionOptions", provisions.active());
        model.addAttribute("fields", SharedField.values());
        model.addAttribute("today", LocalDate.now(clock));
        Forms.addIfAbsent(model, "referral",
                new ReferralForm(null, null, List.of(SharedField.NAME, SharedField.PHONE), null, null, null));
        audit.read(AuditAction.REFERRAL_READ, id);
        return "referrals/person";
    }

    private String myOrganisation() {
        return CurrentUser.current()
            .flatMap(u -> u.partnerId() == null ? Optional.empty() : provisions.partner(u.partnerId()))
            .map(Provisions.Partner::name)
            .orElse("—");
    }

}
