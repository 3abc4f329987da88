package nl.meedoen.signals;

import java.util.List;

/**
 * One rule of early signalling, contributed as a bean by the module that owns its facts:
 * the rule's query reads that module's own tables, so no other module needs to know them.
 * <p>
 * {@link #query()} is one set-based {@code select} that yields a row per person the rule
 * fires for, with the columns
 * <ul>
 * <li>{@code person_id uuid} — the person the signal is about;</li>
 * <li>{@code occasion text} — what makes this firing one occasion (a due date, a
 * referral): a signal is raised once per person, rule and occasion;</li>
 * <li>{@code since date} — the day the condition began, shown as "since";</li>
 * <li>{@code facts jsonb} — the facts and thresholds the explanation names.</li>
 * </ul>
 * It reads the named parameters {@code :municipality} (uuid), {@code :today} (date),
 * {@code :person} (uuid, or null for everyone: restrict to that person when it is set)
 * and one per {@link #thresholds() threshold}, by its name (an integer). It may read the
 * facts other modules contribute ({@link SignalFact}) by their
 * {@link SignalFact.Kind#table() name}, and {@code residents_current}
 * ({@code person_id, team_id, category,
 * date_of_birth, registered_on, household_id, household_role}): the persons whose file is
 * open. Parameters need a cast where PostgreSQL cannot infer the type
 * ({@code cast(:days as integer)}).
 */
public interface SignalRule {

    SignalCode code();

    Severity severity();

    /** The numbers a municipality may set for this rule, with their defaults. */
    List<Threshold> thresholds();

    String query();

    /**
     * Where the caseworker acts on the signal, {@code {person}} standing for the person's
     * id, e.g. {@code /personen/{person}/traject}.
     */
    String tab();

    /** A rule as a value, for a module that declares its rules as beans. */
    static SignalRule of(SignalCode code, Severity severity, List<Threshold> thresholds, String tab, String query) {
        return new Declared(code, severity, List.copyOf(thresholds), query, tab);
    }

    /** A rule declared with {@link #of}. */
    record Declared(SignalCode code, Severity severity, List<Threshold> thresholds, String query,
            String tab) implements SignalRule {
    }

}
