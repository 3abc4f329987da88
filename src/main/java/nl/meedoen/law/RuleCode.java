package nl.meedoen.law;

/** The national rules other modules compute with, each with the unit of its value. */
public enum RuleCode {

    /**
     * The PIP is set within this many weeks of DUO's notice or the BRP registration,
     * whichever is later.
     */
    PLAN_WEEKS(Unit.WEEKS),

    /**
     * The integration period: this many years from the day after the date of the first
     * PIP.
     */
    INTEGRATION_PERIOD_YEARS(Unit.YEARS),

    /**
     * A switch of learning route within this many months of the start of the integration
     * period.
     */
    ROUTE_SWITCH_MONTHS(Unit.MONTHS),

    /**
     * A step-down from B1 to A2 in an exam part only after at least this many NT2 lesson
     * hours.
     */
    STEP_DOWN_LESSON_HOURS(Unit.HOURS),

    /** Of the lesson hours before a step-down, at least this share in a classroom. */
    STEP_DOWN_CLASSROOM_PERCENT(Unit.PERCENT),

    /** The Z-route: this many course hours. */
    Z_COURSE_HOURS(Unit.HOURS),

    /** The Z-route: this many participation hours. */
    Z_PARTICIPATION_HOURS(Unit.HOURS),

    /**
     * School hours of young people in the Z-route count towards its hours (1) or not (0).
     */
    Z_SCHOOL_HOURS_COUNT(Unit.YES_NO),

    /** The MAP: at least this many hours of practical part. */
    MAP_PRACTICAL_HOURS(Unit.HOURS),

    /**
     * Ontzorgen: the fixed costs paid out of social assistance for this many months from
     * its start.
     */
    ONTZORGEN_MONTHS(Unit.MONTHS),

    /** A municipal fine under the Wet inburgering 2021 is at most this many euros. */
    FINE_MAX_EUROS(Unit.EUROS),

    /**
     * An objection (bezwaar) against a decision, such as a fine, is lodged within this
     * many weeks of the decision.
     */
    OBJECTION_WEEKS(Unit.WEEKS),

    /**
     * Under the Wet inburgering (2013): the participation declaration within this many
     * months of registration.
     */
    WI2013_PVT_MONTHS(Unit.MONTHS),

    /**
     * The civic-integration duty applies from this age; a duty recorded for someone
     * younger is implausible and flagged for a check (never refused: DUO decides the
     * duty).
     */
    DUTY_MINIMUM_AGE_YEARS(Unit.YEARS);

    private final Unit unit;

    RuleCode(Unit unit) {
        this.unit = unit;
    }

    public Unit unit() {
        return unit;
    }

}
