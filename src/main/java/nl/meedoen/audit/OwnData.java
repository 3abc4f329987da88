package nl.meedoen.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The subject-access export as the person reads it themselves (Mijn Meedoen): the same
 * parts ({@link PersonalData}) and the same log, but every member of staff named by role
 * and team, never by name or account, and without what the product keeps from the
 * resident's own view (health notes, personal circumstances, internal notes and the COA
 * profile's remarks; the privacy officer's export holds them, on request). Reading it is
 * the caller's to log, like any read.
 */
public interface OwnData {

    /** One stored value: its column, the column in Dutch words, the value. */
    record Field(String column, String label, Object value) {
    }

    /** A record of a section: its fields with a value, in the order stored. */
    record Item(List<Field> fields) {
    }

    /** A titled part of the file (title in Dutch, key stable for machines). */
    record Section(String key, String title, List<Item> items) {
    }

    /**
     * One processing of the file: when, the role and team of who did it (both empty for
     * the system), the action and the logged purpose.
     */
    record Access(Instant at, @Nullable String role, @Nullable String team, String action, String purpose) {
    }

    /** The whole copy, made at {@code madeAt}. */
    record Copy(Instant madeAt, List<Section> sections, List<Access> accesses, long accessesInLog) {
    }

    /** The copy of a person of the current municipality; 404 for anyone else. */
    Copy of(UUID personId);

    /** The same copy as the Dutch letter of the export (PDF). */
    byte[] letter(UUID personId);

}
