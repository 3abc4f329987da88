package nl.meedoen.platform.csv;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * The one CSV writer of Meedoen (Apache Commons CSV, semicolon-separated as Dutch
 * spreadsheets expect, CRLF between records). A text cell that a spreadsheet would run as
 * a formula — starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return (OWASP "CSV injection") — is written with a leading apostrophe, so it
 * shows as text. Numbers are written as they are: a negative balance stays a number.
 * {@link #restore} undoes the apostrophe when such a file is imported again.
 */
public final class SafeCsv implements Flushable, Closeable {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
        .setDelimiter(';')
        .setRecordSeparator("\r\n")
        .get();

    /** The byte order mark that makes spreadsheets read the file as UTF-8. */
    public static final String BOM = "\uFEFF";

    private final CSVPrinter printer;

    private SafeCsv(CSVPrinter printer) {
        this.printer = printer;
    }

    /** Starts a file on {@code out} with the header row. */
    public static SafeCsv open(Writer out, List<String> header) {
        try {
            SafeCsv csv = new SafeCsv(new CSVPrinter(out, FORMAT));
            csv.row(new ArrayList<Object>(header));
            return csv;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Writes one record; {@code null} is an empty cell. */
    public void row(Object... cells) {
        row(java.util.Arrays.asList(cells));
    }

    /** Writes one record; {@code null} is an empty cell. */
    public void row(List<?> cells) {
        try {
            List<String> safe = new ArrayList<>(cells.size());
            for (Object value : cells) {
                safe.add(cell(value));
            }
            printer.printRecord(safe);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * A value as a cell: empty for {@code null}, numbers as they are, text neutralised.
     */
    public static String cell(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        String text = value.toString();
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /**
     * A cell read back from a file this writer made: the neutralising apostrophe removed.
     */
    public static String restore(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_STARTS.indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }

    @Override
    public void flush() {
        try {
            printer.flush();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        try {
            printer.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
