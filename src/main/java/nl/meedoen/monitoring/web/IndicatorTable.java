package nl.meedoen.monitoring.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.meedoen.monitoring.internal.Monitor;
import nl.meedoen.platform.csv.SafeCsv;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The monitor's table as a file: every indicator with its area, code, label, the figure
 * of the period and the one before (as shown: suppressed cells as "&lt; 5" or "x"), the
 * national reference with its source and the definition. CSV through {@link SafeCsv};
 * XLSX with Apache POI, numbers as numbers and every text cell that a spreadsheet could
 * take for a formula ({@code = + - @}, a tab or carriage return first) marked as text
 * (quote prefix).
 */
@Component
class IndicatorTable {

    private final IndicatorTexts texts;

    private final MessageSource messages;

    IndicatorTable(IndicatorTexts texts, MessageSource messages) {
        this.texts = texts;
        this.messages = messages;
    }

    List<String> header(Monitor.Sheet sheet, Locale locale) {
        return List.of(word("monitoring.export.area", locale), word("monitoring.export.code", locale),
                word("monitoring.indicator", locale), sheet.period().toString(), sheet.period().previous().toString(),
                word("monitoring.reference", locale), word("monitoring.export.source", locale),
                word("monitoring.definition", locale));
    }

    List<List<Object>> rows(Monitor.Sheet sheet, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (Monitor.Line line : sheet.lines()) {
            List<Object> row = new ArrayList<>();
            row.add(texts.area(line.indicator().area(), locale));
            row.add(line.code());
            row.add(texts.label(line.indicator(), locale));
            row.add(cell(line.figure().suppressed() ? null : line.figure().value(),
                    IndicatorTexts.shown(line.figure(), sheet.threshold())));
            row.add(cell(line.previous().suppressed() ? null : line.previous().value(),
                    IndicatorTexts.shown(line.previous(), sheet.threshold())));
            row.add(line.reference() == null ? "" : line.reference().value());
            row.add(line.reference() == null ? "" : line.reference().source());
            row.add(texts.definition(line.indicator(), locale));
            rows.add(row);
        }
        return rows;
    }

    private static Object cell(@Nullable BigDecimal value, String shown) {
        return value == null ? shown : value;
    }

    byte[] csv(Monitor.Sheet sheet, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write(SafeCsv.BOM);
            SafeCsv csv = SafeCsv.open(writer, header(sheet, locale));
            for (List<Object> row : rows(sheet, locale)) {
                csv.row(row);
            }
            csv.flush();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    byte[] xlsx(Monitor.Sheet sheet, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet table = book.createSheet(sheet.period().toString());
            CellStyle text = book.createCellStyle();
            text.setQuotePrefixed(true);
            write(table.createRow(0), new ArrayList<>(header(sheet, locale)), text);
            int r = 1;
            for (List<Object> row : rows(sheet, locale)) {
                write(table.createRow(r++), row, text);
            }
            for (int c = 0; c < 5; c++) {
                table.autoSizeColumn(c);
            }
            book.write(out);
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void write(Row row, List<?> cells, CellStyle text) {
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = row.createCell(c);
            Object value = cells.get(c);
            if (value instanceof BigDecimal number) {
                cell.setCellValue(number.doubleValue());
            }
            else {
                String string = String.valueOf(value);
                cell.setCellValue(string);
                if (formulaLike(string)) {
                    cell.setCellStyle(text);
                }
            }
        }
    }

    /** A text a spreadsheet could read as a formula or command. */
    static boolean formulaLike(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }

    private String word(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

}
