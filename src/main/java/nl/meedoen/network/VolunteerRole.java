package nl.meedoen.network;

/** What a volunteer can take on for a person. */
public enum VolunteerRole {

    /** Practises Dutch with the person (taalmaatje). */
    LANGUAGE_BUDDY,
    /** Shows the way to local provisions and clubs (maatje). */
    BUDDY,
    /** Guides towards (paid) work. */
    WORK_MENTOR,
    /** Supports parents: school, childcare, parenting. */
    PARENT_BUDDY

}
