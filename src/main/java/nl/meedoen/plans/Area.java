package nl.meedoen.plans;

/** Where a goal belongs: one of the four spearheads or one of the provision domains. */
public enum Area {

    LANGUAGE(true), NORMS_AND_VALUES(true), LIVING_ENVIRONMENT(true), OWN_NETWORK(true), WORK_AND_INCOME(false),
    EDUCATION(false), PARTICIPATION(false), HELP_AND_SUPPORT(false), SPORT_AND_CULTURE(false);

    private final boolean spearhead;

    Area(boolean spearhead) {
        this.spearhead = spearhead;
    }

    /**
     * One of the four spearheads of the policy note (the others are provision domains).
     */
    public boolean spearhead() {
        return spearhead;
    }

}
