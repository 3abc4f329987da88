package nl.meedoen.residents;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What another module contributes to the summary of a person's file: the facts in the
 * header above every tab (the caseworker, the trajectory's phase, the plan's status, the
 * open referrals and signals) and its section of the printed file. Residents cannot ask
 * the modules that own these facts, since they build on residents; each of them
 * implements this interface in its web layer and logs the read of what it shows, since
 * showing it is a read of person data. A part with nothing to show answers nothing, so
 * the file works with or without it.
 */
public interface FileSummary {

    /**
     * One fact: a label and a value in the user's language, a link to where it is worked
     * on (or null), and whether it asks for attention (overdue, open signals).
     */
    record Fact(String label, String value, @Nullable String href, boolean attention) {

        public static Fact of(String label, String value, @Nullable String href) {
            return new Fact(label, value, href, false);
        }

    }

    /** A section of the printed file: its title and its lines, in order. */
    record Section(String title, List<Fact> lines) {
    }

    /** Where the part stands among the others, lowest first. */
    int order();

    /**
     * The facts of the header for a person of the current municipality whose file the
     * caller may open; empty when the module holds nothing for the person.
     */
    List<Fact> header(UUID personId);

    /**
     * The module's section of the printed file (every line it prints), or an empty list
     * when it has no section.
     */
    default List<Section> printed(UUID personId) {
        return List.of();
    }

}
