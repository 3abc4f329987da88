package nl.meedoen.plans;

/** How a goal is going; a dropped goal carries its reason. */
public enum GoalStatus {

    OPEN, ON_TRACK, AT_RISK, ACHIEVED, DROPPED

}
