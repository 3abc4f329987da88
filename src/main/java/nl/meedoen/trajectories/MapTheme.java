package nl.meedoen.trajectories;

/**
 * The themes of the MAP (module labour market and participation) a person works through
 * besides its practical hours.
 */
public enum MapTheme {

    /** The Dutch labour market. */
    DUTCH_LABOUR_MARKET,
    /** Work and income. */
    WORK_AND_INCOME,
    /** Looking for work. */
    LOOKING_FOR_WORK,
    /** Work-related skills. */
    WORK_SKILLS,
    /** Career orientation and one's own ambitions. */
    CAREER_ORIENTATION

}
