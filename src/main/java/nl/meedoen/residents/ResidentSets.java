package nl.meedoen.residents;

/**
 * The persons of the current municipality as a set, for modules that work on all of them
 * at once in SQL (early signalling): a {@code select} over this module's tables that
 * other modules use as a sub-query, never its tables themselves.
 */
public interface ResidentSets {

    /**
     * The persons whose file is open, with the columns
     * {@code person_id uuid, team_id uuid,
     * category text, date_of_birth date, registered_on date, household_id uuid,
     * household_role text}; it reads {@code :municipality} (uuid) and {@code :person}
     * (uuid, or null for everyone).
     */
    String current();

    /**
     * The persons of the current municipality with what identifies them, for a file the
     * municipality delivers per person: the columns {@code person_id uuid, bsn text,
     * v_number text, given_names text, family_name text, date_of_birth date, ended_on
     * date} (files ended, not anonymised, included); it reads {@code :municipality}
     * (uuid). Whoever shows or delivers what it finds logs it.
     */
    String identified();

}
