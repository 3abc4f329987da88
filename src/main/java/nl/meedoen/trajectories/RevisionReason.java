package nl.meedoen.trajectories;

/**
 * Why the PIP was revised: a new version of the same decision, which keeps the start and
 * end of the integration period and the route-switch deadline (art. 11 Wet inburgering
 * 2021).
 */
public enum RevisionReason {

    ROUTE_SWITCH, STEP_DOWN, OBJECTION, MOVE, OTHER

}
