package nl.meedoen.portal.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.meedoen.network.Buddies;
import nl.meedoen.platform.IsoCodes;
import nl.meedoen.provisions.Provisions.Offer;
import org.jspecify.annotations.Nullable;

/**
 * Who helps me, in the resident's words, shared by the pages and the API: my buddy (first
 * name only, and only the contact the volunteer agreed to share) and the provisions in my
 * languages, each with what it offers and how to reach it.
 */
final class HelpView {

    private HelpView() {
    }

    record BuddyItem(String firstName, String role, String roleText, @Nullable LocalDate since,
            @Nullable String sinceText, @Nullable String phone, @Nullable String email) {

        public boolean sharesContact() {
            return phone != null || email != null;
        }
    }

    record ProvisionItem(UUID id, String name, String organisation, String domain, String domainText,
            String description, @Nullable String forWhom, List<String> languages, @Nullable String cost,
            @Nullable String location, @Nullable String openingHours, @Nullable String howToApply,
            @Nullable String phone, @Nullable String email) {
    }

    record Directory(List<String> languages, List<ProvisionItem> items) {
    }

    static @Nullable BuddyItem buddy(List<Buddies.Buddy> buddies, Locale locale) {
        return buddies.stream().findFirst().map(b -> buddy(b, locale)).orElse(null);
    }

    static BuddyItem buddy(Buddies.Buddy b, Locale locale) {
        return new BuddyItem(b.firstName(), b.role().name(),
                PortalLanguage.text(locale, "portal.buddy.role." + b.role()), b.since(),
                b.since() == null ? null
                        : PortalLanguage.text(locale, "portal.buddy.since", PortalLanguage.date(locale, b.since())),
                b.phone(), b.email());
    }

    static Directory provisions(List<String> languageCodes, List<Offer> offers, Locale locale) {
        return new Directory(names(languageCodes, locale),
                offers.stream()
                    .map(o -> new ProvisionItem(o.id(), o.name(), o.partnerName(), o.domain().name(),
                            PortalLanguage.text(locale, "portal.domain." + o.domain()), o.description(),
                            o.targetGroup(), names(o.languages(), locale), o.cost(), o.location(), o.openingHours(),
                            o.howToApply(), o.phone(), o.email()))
                    .toList());
    }

    private static List<String> names(List<String> codes, Locale locale) {
        return codes.stream().map(code -> IsoCodes.languageName(code, locale)).toList();
    }

}
