package nl.meedoen.provisions;

/** The kinds of partner organisations the integration policy works with. */
public enum PartnerKind {

    SOCIAL_SERVICE, SOCIAL_TEAM, LANGUAGE_SCHOOL, VOLUNTEER_ORGANISATION, SCHOOL, LIBRARY, SPORT_CLUB, MENTAL_HEALTH,
    CHILDCARE, WELFARE, OTHER

}
