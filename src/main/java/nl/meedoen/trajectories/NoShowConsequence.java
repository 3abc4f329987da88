package nl.meedoen.trajectories;

/**
 * The step on the no-show ladder of the broad intake: the 1st no-show gives a warning and
 * a new invitation, the 2nd a proposal for a fine and a new invitation, the 3rd and later
 * a second fine proposal, after which the plan may be set without the person's input.
 */
public enum NoShowConsequence {

    WARNING, FINE_PROPOSAL, SECOND_FINE_PROPOSAL;

    /** The consequence of the {@code step}-th no-show (1-based). */
    public static NoShowConsequence ofStep(int step) {
        if (step < 1) {
            throw new IllegalArgumentException("step " + step);
        }
        return step == 1 ? WARNING : step == 2 ? FINE_PROPOSAL : SECOND_FINE_PROPOSAL;
    }

    /** A fine is proposed from the 2nd no-show on. */
    public boolean proposesFine() {
        return this != WARNING;
    }

    /**
     * After the 3rd no-show the person is not invited again: the plan may be set without
     * their input.
     */
    public boolean needsNewInvitation() {
        return this != SECOND_FINE_PROPOSAL;
    }

}
