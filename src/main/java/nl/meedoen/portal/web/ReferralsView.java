package nl.meedoen.portal.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.meedoen.referrals.OwnReferrals.OwnReferral;
import org.jspecify.annotations.Nullable;

/**
 * "My referrals and consents" in the resident's words, shared by the page and the API:
 * where the resident is referred, the partner and how to reach it, the status in plain
 * words, and the consent given for sharing the data (to whom, for what, until when).
 */
record ReferralsView(List<Item> items) {

    record Item(UUID id, String provision, String partner, @Nullable String phone, @Nullable String email,
            @Nullable String address, String status, String statusText, String purpose, List<String> shared,
            @Nullable Consent consent) {
    }

    /**
     * The consent in words: what it allowed, until when, and whether it was withdrawn.
     */
    record Consent(LocalDate givenOn, @Nullable LocalDate validUntil, @Nullable LocalDate withdrawnOn, String text,
            @Nullable String withdrawnText, boolean withdrawable) {
    }

    static ReferralsView of(List<OwnReferral> referrals, Locale locale) {
        return new ReferralsView(referrals.stream().map(r -> item(r, locale)).toList());
    }

    static Item item(OwnReferral r, Locale locale) {
        List<String> shared = r.sharedFields()
            .stream()
            .map(f -> PortalLanguage.text(locale, "portal.referrals.field." + f.name()))
            .toList();
        Consent consent = null;
        if (r.consent() != null) {
            var c = r.consent();
            String fields = shared.stream().collect(Collectors.joining(", "));
            String until = c.validUntil() == null ? PortalLanguage.text(locale, "portal.consent.open")
                    : PortalLanguage.text(locale, "portal.consent.until", PortalLanguage.date(locale, c.validUntil()));
            String text = PortalLanguage.text(locale, "portal.consent.given", PortalLanguage.date(locale, c.givenOn()),
                    r.partnerName(), fields, until);
            String withdrawn = c.withdrawnOn() == null ? null : PortalLanguage.text(locale,
                    "portal.consent.withdrawnOn", PortalLanguage.date(locale, c.withdrawnOn()));
            consent = new Consent(c.givenOn(), c.validUntil(), c.withdrawnOn(), text, withdrawn, !c.withdrawn());
        }
        return new Item(r.id(), r.provisionName(), r.partnerName(), r.partnerPhone(), r.partnerEmail(),
                r.partnerAddress(), r.status().name(),
                PortalLanguage.text(locale, "portal.referrals.status." + r.status().name()), r.purpose(), shared,
                consent);
    }

}
