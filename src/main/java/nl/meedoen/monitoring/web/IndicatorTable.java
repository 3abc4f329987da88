package nl.meedoen.monitoring.web;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.meedoen.monitoring.internal.Monitor;
import nl.meedoen.platform.csv.ExportFormat;
import nl.meedoen.platform.csv.SafeCsv;
import nl.meedoen.platform.csv.TableFile;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The monitor's table as a file: every indicator with its area, code, label, the figure
 * of the period and the one before (as shown: suppressed cells as "&lt; 5" or "x"), the
 * national reference with its source and the definition. CSV through {@link SafeCsv};
 * XLSX with Apache POI ({@link TableFile}), numbers as numbers and every text cell that a
 * spreadsheet could take for a formula ({@code = + - @}, a tab or carriage return first)
 * marked as text (quote prefix).
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
        return file(ExportFormat.csv, sheet, locale);
    }

    byte[] xlsx(Monitor.Sheet sheet, Locale locale) {
        return file(ExportFormat.xlsx, sheet, locale);
    }

    private byte[] file(ExportFormat format, Monitor.Sheet sheet, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableFile file = TableFile.open(format, out, sheet.period().toString(), header(sheet, locale), 5)) {
            for (List<Object> row : rows(sheet, locale)) {
                file.row(row);
            }
            file.finish();
        }
        return out.toByteArray();
    }

    private String word(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

}
