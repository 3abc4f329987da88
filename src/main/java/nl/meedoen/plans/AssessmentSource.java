package nl.meedoen.plans;

/** How a language level was established. */
public enum AssessmentSource {

    EXAM, TEST, TEACHER_ASSESSMENT,

    /**
     * Reported by the partner organisation the person was referred to (a progress test).
     */
    PARTNER

}
