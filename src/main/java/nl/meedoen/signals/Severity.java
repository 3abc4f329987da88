package nl.meedoen.signals;

/** How soon a signal asks for action. */
public enum Severity {

    HIGH, MEDIUM, LOW

}
