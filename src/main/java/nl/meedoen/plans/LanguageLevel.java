package nl.meedoen.plans;

/**
 * Levels of the Common European Framework of Reference, from none (A0) to mastery (C2),
 * in order.
 */
public enum LanguageLevel {

    A0, A1, A2, B1, B2, C1, C2

}
