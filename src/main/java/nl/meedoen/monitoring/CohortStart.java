package nl.meedoen.monitoring;

/**
 * When a person was housed in the municipality, which decides the cohort: contributed
 * once, as a bean, by the module that owns housing. {@link #query()} is a {@code select}
 * over that module's tables yielding {@code (person_id uuid, housed_on date)} for
 * {@code :municipality} (uuid), a row or more per person housed (the monitor takes the
 * first day).
 */
@FunctionalInterface
public interface CohortStart {

    String query();

}
