package nl.meedoen.identity;

/** What a user may do. Every endpoint names the roles it admits. */
public enum Role {

    /** Works with persons and households of their municipality. */
    CASEWORKER,
    /** A caseworker who also leads the team: approvals, quota figures. */
    TEAM_LEAD,
    /** Sees aggregated figures only, never a person. */
    POLICY_OFFICER,
    /** A user of a partner organisation: sees only what is referred to it. */
    PARTNER,
    /** Reads the processing log (Logboek Dataverwerkingen). */
    PRIVACY_OFFICER,
    /** Functional administration: accounts and settings. */
    ADMIN,
    /** Manages volunteers and buddy matches. */
    VOLUNTEER_COORDINATOR,
    /**
     * A resident (Mijn Meedoen): linked to exactly one person file, sees only that file's
     * portal ({@code /mijn/**}, {@code /api/v1/my/**}).
     */
    RESIDENT;

    /** The Spring Security authority, e.g. {@code ROLE_CASEWORKER}. */
    public String authority() {
        return "ROLE_" + name();
    }

}
