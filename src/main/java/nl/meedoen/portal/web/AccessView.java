package nl.meedoen.portal.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.platform.Time;
import nl.meedoen.portal.internal.PortalReads;

/**
 * "Who looked at my file" in the resident's words, shared by the page and the API: each
 * entry of the processing log as the role and team of whoever did it (never a name),
 * whether they looked or changed something, when, and the purpose the log records.
 */
record AccessView(List<Item> items) {

    record Item(Instant at, String role, String team, String action, String purpose, String sentence) {
    }

    /** The log's actions that only looked at the file; every other one changed it. */
    private static final Set<String> LOOKED = Set.of("SEARCH", "AUDIT_VIEW", "SUBJECT_ACCESS_EXPORT");

    /** The roles the portal names; any other (and the system's jobs) is "the system". */
    private static final Set<String> ROLES = Set.of("CASEWORKER", "TEAM_LEAD", "PARTNER", "PRIVACY_OFFICER",
            "VOLUNTEER_COORDINATOR", "ADMIN", "POLICY_OFFICER");

    static AccessView of(PortalReads reads, UUID person, Locale locale) {
        return new AccessView(reads.accesses(person).stream().map(access -> {
            String role = PortalLanguage.text(locale, "portal.role."
                    + (access.role() != null && ROLES.contains(access.role()) ? access.role() : "SYSTEM"));
            String team = access.team() != null ? access.team()
                    : PortalLanguage.text(locale, "portal.caseworker.noTeam");
            boolean looked = access.action().endsWith("READ") || LOOKED.contains(access.action());
            String action = PortalLanguage.text(locale, looked ? "portal.access.READ" : "portal.access.CHANGE");
            String when = PortalLanguage.date(locale, access.at().atZone(Time.ZONE).toLocalDate());
            String sentence = PortalLanguage.text(locale, "portal.access.entry", role, team, action, when,
                    access.purpose());
            return new Item(access.at(), role, team, action, access.purpose(), sentence);
        }).toList());
    }

}
