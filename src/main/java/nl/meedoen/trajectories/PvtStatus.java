package nl.meedoen.trajectories;

/** Where a person stands in the participation declaration trajectory (PVT). */
public enum PvtStatus {

    NOT_STARTED, IN_PROGRESS,
    /** At least the required hours attended and the declaration signed. */
    COMPLETED,
    /** Exempt from the PVT. */
    EXEMPT

}
