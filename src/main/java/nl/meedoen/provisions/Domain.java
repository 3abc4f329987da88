package nl.meedoen.provisions;

/**
 * What a provision helps with: the four spearheads of the integration policy (language,
 * norms and values, knowing the living environment, one's own network) and the local
 * fields of provisions the policy names.
 */
public enum Domain {

    /**
     * Taal: Dutch courses, volunteer language lessons, language buddies, job-related
     * language.
     */
    LANGUAGE,
    /** Normen en waarden: PVT, KNM, work culture. */
    NORMS_AND_VALUES,
    /** Kennen van de leefomgeving: finding the local provisions. */
    LIVING_ENVIRONMENT,
    /** Inzet eigen netwerk: bridges from one's own network. */
    OWN_NETWORK,
    /** Werk en inkomen: benefit and the route to (paid) work. */
    WORK_AND_INCOME,
    /** Onderwijs: VVE, ISK, speech therapy, parental involvement, childcare. */
    EDUCATION,
    /** Participatie en vrijwilligerswerk. */
    PARTICIPATION,
    /** Hulp en ondersteuning: the social team, psychological and parenting support. */
    SUPPORT,
    /** Sport, cultuur en verenigingsleven. */
    SPORT_AND_CULTURE

}
