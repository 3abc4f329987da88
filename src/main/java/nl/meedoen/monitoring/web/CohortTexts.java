package nl.meedoen.monitoring.web;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import nl.meedoen.monitoring.internal.Cohorts;
import nl.meedoen.monitoring.internal.Figure;
import nl.meedoen.platform.csv.ExportFormat;
import nl.meedoen.platform.csv.TableFile;
import nl.meedoen.platform.web.BarChart;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The cohort table in words, the same on the page, in the export and in the council
 * report: the measures' labels and definitions, the charts (per measure its share after
 * {@value #CHART_MONTHS} months per cohort, the months of the CBS figures) and the table
 * as a file (CSV through the safe writer, XLSX with numbers as numbers and
 * formula-looking text marked as text).
 */
@Component
class CohortTexts {

    /** The months since housing the charts show, those of the national figures. */
    static final int CHART_MONTHS = 18;

    private final MessageSource messages;

    CohortTexts(MessageSource messages) {
        this.messages = messages;
    }

    String measure(String measure, Locale locale) {
        return messages.getMessage("monitoring.cohort.measure." + measure, null, measure, locale);
    }

    String definition(String measure, Locale locale) {
        return messages.getMessage("monitoring.cohort.measure." + measure + ".definition", null, "", locale);
    }

    /** A chart of one measure: its title, summary and data, and the bars. */
    record Chart(String measure, String title, String summary, BarChart chart, List<BarChart.Point> points) {
    }

    List<Chart> charts(Cohorts.Table table, Locale locale) {
        List<Chart> charts = new ArrayList<>();
        for (String measure : table.measures()) {
            List<BarChart.Point> points = new ArrayList<>();
            for (int cohort : table.cohorts()) {
                Cohorts.Cell cell = table.cell(measure, cohort, CHART_MONTHS);
                if (cell != null) {
                    points.add(new BarChart.Point(Integer.toString(cohort),
                            cell.figure().suppressed() ? null : cell.figure().value(),
                            IndicatorTexts.shown(cell.figure(), table.threshold())));
                }
            }
            if (points.isEmpty()) {
                continue;
            }
            String title = messages.getMessage("monitoring.cohort.chart",
                    new Object[] { measure(measure, locale), CHART_MONTHS }, locale);
            var national = table.reference(measure, CHART_MONTHS);
            String reference = national == null ? "—" : national.value().toPlainString() + "%";
            BarChart.Point first = points.get(0);
            BarChart.Point last = points.get(points.size() - 1);
            String summary = messages.getMessage("monitoring.cohort.chart.summary",
                    new Object[] { title, first.label(), first.text(), last.label(), last.text(), reference }, locale);
            charts.add(new Chart(measure, title, summary, BarChart.of(points), points));
        }
        return charts;
    }

    String shown(Figure figure, int threshold) {
        return IndicatorTexts.shown(figure, threshold);
    }

    List<String> header(Locale locale) {
        return List.of(word("monitoring.cohort", locale), word("monitoring.cohort.measure", locale),
                word("monitoring.cohort.months", locale), word("monitoring.value", locale),
                word("monitoring.reference", locale), word("monitoring.export.source", locale),
                word("monitoring.definition", locale));
    }

    List<List<Object>> rows(Cohorts.Table table, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        String housed = word("monitoring.cohort.housed", locale);
        for (Cohorts.Size size : table.sizes()) {
            rows.add(row(Integer.toString(size.cohort()), housed, "", size.figure(), table.threshold(), null, null,
                    word("monitoring.cohort.housed.definition", locale)));
        }
        rows.add(row(word("monitoring.cohort.total", locale), housed, "", table.housedTotal(), table.threshold(), null,
                null, word("monitoring.cohort.housed.definition", locale)));
        for (Cohorts.Cell cell : table.cells()) {
            rows.add(row(Integer.toString(cell.cohort()), measure(cell.measure(), locale), cell.months(), cell.figure(),
                    table.threshold(), cell.reference() == null ? null : cell.reference().value(),
                    cell.reference() == null ? null : cell.reference().source(), definition(cell.measure(), locale)));
        }
        return rows;
    }

    private static List<Object> row(String cohort, String measure, Object months, Figure figure, int threshold,
            @org.jspecify.annotations.Nullable Object reference, @org.jspecify.annotations.Nullable String source,
            String definition) {
        List<Object> row = new ArrayList<>();
        row.add(cohort);
        row.add(measure);
        row.add(months);
        row.add(figure.suppressed() || figure.value() == null ? IndicatorTexts.shown(figure, threshold)
                : figure.value());
        row.add(reference == null ? "" : reference);
        row.add(source == null ? "" : source);
        row.add(definition);
        return row;
    }

    byte[] file(ExportFormat format, Cohorts.Table table, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableFile file = TableFile.open(format, out, table.from() + "-" + table.to(), header(locale), 6)) {
            for (List<Object> row : rows(table, locale)) {
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
