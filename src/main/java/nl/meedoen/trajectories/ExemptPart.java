package nl.meedoen.trajectories;

/**
 * The part of the civic-integration duty DUO exempted a person from; an exempt part has
 * no deadline.
 */
public enum ExemptPart {

    /** The whole duty: no PIP, no integration period. */
    WHOLE_DUTY,
    /** The language part of the learning route. */
    LEARNING_ROUTE,
    /** The KNM exam. */
    KNM,
    /** The module labour market and participation. */
    MAP,
    /** The participation declaration trajectory. */
    PVT

}
