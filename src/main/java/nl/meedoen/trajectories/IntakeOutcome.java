package nl.meedoen.trajectories;

/** What became of a broad-intake appointment. */
public enum IntakeOutcome {

    SCHEDULED, ATTENDED, NO_SHOW, CANCELLED

}
