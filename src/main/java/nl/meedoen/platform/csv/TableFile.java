package nl.meedoen.platform.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * One table written row by row as a file, in either {@link ExportFormat}: CSV through
 * {@link SafeCsv} (with the byte order mark spreadsheets need to read UTF-8), or XLSX
 * with Apache POI's streaming workbook, which keeps only a window of rows in memory, so a
 * table of tens of thousands of rows is never held whole. In XLSX numbers are numbers,
 * every other value is text, and a text a spreadsheet could take for a formula or command
 * ({@code = + - @}, a tab or a carriage return first) is marked as text (quote prefix);
 * no cell is ever a formula. {@link #finish()} completes the file; {@link #close()}
 * releases what the workbook held.
 */
public final class TableFile implements Closeable {

    private static final int ROWS_IN_MEMORY = 200;

    private final @Nullable SafeCsv csv;

    private final @Nullable Writer writer;

    private final @Nullable SXSSFWorkbook book;

    private final @Nullable SXSSFSheet sheet;

    private final @Nullable CellStyle text;

    private final OutputStream out;

    private final int autoSized;

    private int rows;

    private TableFile(OutputStream out, @Nullable Writer writer, @Nullable SafeCsv csv, @Nullable SXSSFWorkbook book,
            @Nullable SXSSFSheet sheet, int autoSized) {
        this.out = out;
        this.writer = writer;
        this.csv = csv;
        this.book = book;
        this.sheet = sheet;
        this.autoSized = autoSized;
        CellStyle style = null;
        if (book != null) {
            style = book.createCellStyle();
            style.setQuotePrefixed(true);
        }
        this.text = style;
    }

    /**
     * Starts a table on {@code out} with its header row; in XLSX on a sheet named
     * {@code sheetName}, its first {@code autoSizedColumns} columns sized to their
     * content.
     */
    public static TableFile open(ExportFormat format, OutputStream out, String sheetName, List<String> header,
            int autoSizedColumns) {
        TableFile file;
        if (format == ExportFormat.csv) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try {
                writer.write(SafeCsv.BOM);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            file = new TableFile(out, writer, SafeCsv.open(writer, header), null, null, 0);
        }
        else {
            SXSSFWorkbook book = new SXSSFWorkbook(ROWS_IN_MEMORY);
            SXSSFSheet sheet = book.createSheet(sheetName);
            for (int c = 0; c < autoSizedColumns; c++) {
                sheet.trackColumnForAutoSizing(c);
            }
            file = new TableFile(out, null, null, book, sheet, autoSizedColumns);
            file.row(new ArrayList<Object>(header));
        }
        return file;
    }

    /**
     * Writes one row; {@code null} is an empty cell, a {@link Number} a number, anything
     * else its text.
     */
    public void row(List<?> cells) {
        if (csv != null) {
            csv.row(cells);
            return;
        }
        Row row = sheet().createRow(rows++);
        for (int c = 0; c < cells.size(); c++) {
            Object value = cells.get(c);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            }
            else {
                String string = value.toString();
                cell.setCellValue(string);
                if (formulaLike(string)) {
                    cell.setCellStyle(text);
                }
            }
        }
    }

    /** Completes the file on the stream (the stream itself stays open). */
    public void finish() {
        try {
            if (csv != null && writer != null) {
                csv.flush();
                writer.flush();
            }
            else if (book != null) {
                for (int c = 0; c < autoSized; c++) {
                    sheet().autoSizeColumn(c);
                }
                book.write(out);
            }
            out.flush();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private SXSSFSheet sheet() {
        if (sheet == null) {
            throw new IllegalStateException("not a workbook");
        }
        return sheet;
    }

    /** A text a spreadsheet could read as a formula or command. */
    public static boolean formulaLike(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    @Override
    public void close() {
        if (book != null) {
            try {
                book.close();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

}
