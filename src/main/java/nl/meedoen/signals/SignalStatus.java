package nl.meedoen.signals;

/**
 * Where a signal stands: {@code OPEN → ACKNOWLEDGED → RESOLVED} (with a note) or
 * {@code DISMISSED} (with a reason). A signal whose condition no longer holds is resolved
 * by itself.
 */
public enum SignalStatus {

    OPEN, ACKNOWLEDGED, RESOLVED, DISMISSED;

    /** Whether the signal still asks for work. */
    public boolean isOpen() {
        return this == OPEN || this == ACKNOWLEDGED;
    }

}
