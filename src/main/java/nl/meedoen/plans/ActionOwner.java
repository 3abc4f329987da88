package nl.meedoen.plans;

/** Who carries out an action of a goal. */
public enum ActionOwner {

    PERSON, CASEWORKER, PARTNER, VOLUNTEER

}
