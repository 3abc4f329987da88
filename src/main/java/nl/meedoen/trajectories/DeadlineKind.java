package nl.meedoen.trajectories;

/** The kinds of trajectory deadline on the calendar. */
public enum DeadlineKind {

    /** Social guidance ends (an active guidance only). */
    GUIDANCE_END,
    /** The PIP must be adopted (until it is). */
    PLAN_DUE,
    /** The integration period ends. */
    INTEGRATION_PERIOD_END,
    /** The last day for a learning-route switch. */
    ROUTE_SWITCH_DEADLINE,
    /** A broad-intake appointment; overdue while its outcome is not recorded. */
    INTAKE_APPOINTMENT,
    /** Ontzorgen ends: the person pays the fixed costs again. */
    ONTZORGEN_END

}
