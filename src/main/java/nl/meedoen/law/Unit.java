package nl.meedoen.law;

/** The unit of a rule's value. */
public enum Unit {

    WEEKS, MONTHS, YEARS, HOURS, PERCENT, EUROS,

    /** 1 when the rule applies, 0 when it does not (yet). */
    YES_NO

}
