package nl.meedoen.plans;

/** How a language level was established. */
public enum AssessmentSource {

    EXAM, TEST, TEACHER_ASSESSMENT

}
