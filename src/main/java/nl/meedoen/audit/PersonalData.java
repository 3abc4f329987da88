package nl.meedoen.audit;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One module's part of what Meedoen holds on a person, for the right of access (AVG art.
 * 15). Each module that stores person data declares one small bean implementing this in
 * its own package; the export collects them all, so a module added later (signals)
 * contributes by adding its bean. Called as the privacy officer, in the person's
 * municipality (row-level security applies).
 */
public interface PersonalData {

    /** Where the module's sections go in the export: lower first. */
    int order();

    /**
     * The module's records of the person, grouped in titled sections (titles in Dutch).
     */
    List<Section> of(UUID personId);

    /**
     * A titled group of records: each record maps a column (an English name, as stored)
     * to its value; the export words the columns in Dutch ({@code key} is stable for
     * machine reading).
     */
    record Section(String key, String title, List<Map<String, @Nullable Object>> records) {
    }

}
