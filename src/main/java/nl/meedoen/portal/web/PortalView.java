package nl.meedoen.portal.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.meedoen.portal.internal.PortalReads;
import nl.meedoen.portal.internal.PortalReads.UpcomingKind;

/**
 * The overview in the resident's words, shared by the page and the API: each thing that
 * is coming with what it means and what to do, the caseworker by role and team.
 */
record PortalView(String givenName, String caseworkerRole, String caseworkerTeam, String caseworkerContact,
        List<Item> upcoming) {

    record Item(UpcomingKind kind, java.time.LocalDate date, String title, String when, String explanation) {
    }

    static PortalView overview(PortalReads reads, UUID person, Locale locale) {
        PortalReads.Caseworker caseworker = reads.caseworker(person)
            .orElse(new PortalReads.Caseworker("CASEWORKER", null, null));
        String role = PortalLanguage.text(locale, "portal.role." + caseworker.role());
        String team = caseworker.team() == null ? PortalLanguage.text(locale, "portal.caseworker.noTeam")
                : caseworker.team();
        String contact = caseworker.name() == null ? PortalLanguage.text(locale, "portal.caseworker.contactTeam")
                : PortalLanguage.text(locale, "portal.caseworker.contact", caseworker.name());
        List<Item> items = reads.upcoming(person).stream().map(u -> {
            String when = PortalLanguage.date(locale, u.date());
            if (u.time() != null) {
                when = PortalLanguage.text(locale, "portal.upcoming.at", when, u.time().toString());
            }
            String explanation = PortalLanguage.text(locale, "portal.upcoming." + u.kind() + ".explanation");
            if (u.place() != null) {
                explanation = explanation + " " + PortalLanguage.text(locale, "portal.upcoming.place", u.place());
            }
            return new Item(u.kind(), u.date(), PortalLanguage.text(locale, "portal.upcoming." + u.kind()), when,
                    explanation);
        }).toList();
        return new PortalView(reads.givenName(person), role, team, contact, items);
    }

}
