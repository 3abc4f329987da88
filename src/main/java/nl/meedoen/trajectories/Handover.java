package nl.meedoen.trajectories;

/** What happens after social guidance: the decision without which it cannot be closed. */
public enum Handover {

    /** The person continues in the local integration policy. */
    LOCAL_POLICY,
    /** No follow-up is needed; the reason is recorded. */
    NO_FOLLOW_UP

}
