package nl.meedoen.signals;

/**
 * A number a rule compares with, a municipality's choice within {@code min} and
 * {@code max}; {@code defaultValue} holds until the municipality sets its own. The rule's
 * query reads it as the named parameter {@code :name}.
 */
public record Threshold(String name, int defaultValue, Unit unit, int min, int max) {

    /** What the number counts. */
    public enum Unit {

        DAYS, WEEKS, MONTHS, HOURS, CONTACTS, TIMES

    }

    public Threshold {
        if (!name.matches("[a-z][A-Za-z]{0,30}") || defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException("Not a threshold: " + name);
        }
    }

}
