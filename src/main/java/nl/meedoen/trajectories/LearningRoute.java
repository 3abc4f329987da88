package nl.meedoen.trajectories;

/** The learning route set in the personal plan (PIP) under the Wet inburgering 2021. */
public enum LearningRoute {

    /** Language at B1 and the KNM exam. */
    B1,
    /** The bridging programme towards mbo, hbo or wo. */
    ONDERWIJS,
    /** The self-reliance route, level A1. */
    Z

}
