package nl.meedoen.network;

/**
 * Where a buddy match stands: {@code PROPOSED → INTRODUCED → ACTIVE → ENDED}; it can end
 * from any earlier state.
 */
public enum MatchStatus {

    PROPOSED, INTRODUCED, ACTIVE, ENDED;

    /** The statuses a match in this status may move to. */
    public boolean mayMoveTo(MatchStatus next) {
        return switch (this) {
            case PROPOSED -> next == INTRODUCED || next == ENDED;
            case INTRODUCED -> next == ACTIVE || next == ENDED;
            case ACTIVE -> next == ENDED;
            case ENDED -> false;
        };
    }

    /** A running match counts toward the volunteer's load. */
    public boolean running() {
        return this != ENDED;
    }

}
