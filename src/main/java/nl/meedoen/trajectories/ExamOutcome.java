package nl.meedoen.trajectories;

/** The result of one exam part. */
public enum ExamOutcome {

    PASSED, FAILED

}
