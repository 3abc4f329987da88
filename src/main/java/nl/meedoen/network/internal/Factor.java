package nl.meedoen.network.internal;

/** The factors of a match score, each weighted by the municipality. */
public enum Factor {

    LANGUAGE, BACKGROUND, DISTANCE, AVAILABILITY, INTERESTS, PREFERENCE, LOAD

}
