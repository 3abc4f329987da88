package nl.meedoen.trajectories;

/**
 * Where the handover of a trajectory to another municipality stands: offered by the
 * sender, accepted by the receiving team (the file then lives only there), or withdrawn
 * by the sender before that.
 */
public enum TransferStatus {

    OFFERED, ACCEPTED, WITHDRAWN

}
