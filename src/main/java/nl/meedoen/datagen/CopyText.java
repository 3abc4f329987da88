package nl.meedoen.datagen;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyManager;

/**
 * Rows for one table in PostgreSQL's {@code COPY} text format: columns separated by tabs,
 * {@code \N} for null, backslash, tab and line breaks escaped. Filled for one chunk,
 * sent, then cleared.
 */
final class CopyText {

    private final String copyStatement;

    private final StringBuilder text = new StringBuilder(1 << 20);

    private boolean rowStarted;

    private int rows;

    /**
     * @param table the table and its columns, e.g.
     * {@code household (id, municipality_id, version)}
     */
    CopyText(String table) {
        this.copyStatement = "copy " + table + " from stdin";
    }

    CopyText value(@Nullable String value) {
        separate();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    CopyText value(@Nullable UUID value) {
        return value(value == null ? null : value.toString());
    }

    CopyText value(@Nullable LocalDate value) {
        return value(value == null ? null : value.toString());
    }

    CopyText value(int value) {
        separate();
        text.append(value);
        return this;
    }

    CopyText value(long value) {
        separate();
        text.append(value);
        return this;
    }

    CopyText value(boolean value) {
        separate();
        text.append(value ? 't' : 'f');
        return this;
    }

    /** A number with one decimal, as {@code numeric(…, 1)} columns hold it. */
    CopyText decimal(double value) {
        separate();
        text.append(String.format(Locale.ROOT, "%.1f", value));
        return this;
    }

    /** A {@code timestamptz} at ten in the morning, Dutch time, of a day. */
    CopyText at(@Nullable LocalDate day) {
        return value(day == null ? null : day + " 10:00:00+01");
    }

    /** A {@code text[]} of plain codes (letters only, so no element needs quoting). */
    CopyText array(List<String> values) {
        return value("{" + String.join(",", values) + "}");
    }

    void endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
    }

    int rows() {
        return rows;
    }

    /** The table's name, from the statement. */
    String table() {
        String rest = copyStatement.substring("copy ".length());
        int end = rest.indexOf(' ');
        return end < 0 ? rest : rest.substring(0, end);
    }

    /**
     * Sends the rows with {@code COPY ... FROM STDIN} and clears them; returns the number
     * of rows written.
     */
    long send(CopyManager copy) throws SQLException, IOException {
        if (rows == 0) {
            return 0;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        long written = copy.copyIn(copyStatement, new ByteArrayInputStream(bytes), 1 << 16);
        text.setLength(0);
        rows = 0;
        return written;
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }

}
