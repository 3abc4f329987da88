package nl.meedoen.datagen;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.postgresql.copy.CopyManager;

/**
 * The {@code COPY} rows of the modules' tables for one chunk, one {@link CopyText} per
 * table, sent in the order they were declared (a table before the tables that refer to
 * it), and the number of rows sent to each table so far.
 */
final class Tables {

    private final List<CopyText> tables = new ArrayList<>();

    private final Map<String, Long> sent = new LinkedHashMap<>();

    /** Declares a table, e.g. {@code table("guidance (id, municipality_id, …)")}. */
    CopyText table(String tableAndColumns) {
        CopyText table = new CopyText(tableAndColumns);
        tables.add(table);
        sent.put(table.table(), 0L);
        return table;
    }

    /** Sends every table's rows (the caller commits); returns how many rows were sent. */
    long send(CopyManager copy) throws SQLException, IOException {
        long rows = 0;
        for (CopyText table : tables) {
            long written = table.send(copy);
            sent.merge(table.table(), written, Long::sum);
            rows += written;
        }
        return rows;
    }

    /** Rows sent so far per table, in the order declared. */
    Map<String, Long> sent() {
        return new LinkedHashMap<>(sent);
    }

}
