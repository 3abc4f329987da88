package nl.meedoen.monitoring.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chapter;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import nl.meedoen.monitoring.internal.Cohorts;
import nl.meedoen.monitoring.internal.Monitor;
import nl.meedoen.platform.web.BarChart;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The council report "Monitor integratie en participatie &lt;gemeente&gt;
 * &lt;periode&gt;" as a PDF (OpenPDF): a table of contents, the trend charts drawn from
 * the same {@link BarChart} coordinates as the dashboard's SVG (bars, values as text,
 * axis and grid lines with the PDF's own drawing operators), the tables per area, the
 * definitions and the suppression rule; chapters are bookmarks, every page has its
 * number. Written twice: the first pass learns on which page each chapter starts, the
 * second writes those pages into the table of contents, which takes one page both times.
 */
@Component
class CouncilReport {

    private static final BaseFont UNICODE = unicodeFont();

    private static final Color PRIMARY = new Color(0x15, 0x42, 0x73);

    private final IndicatorTexts texts;

    private final MessageSource messages;

    private final MonitorPages pages;

    private final CohortPages cohortPages;

    CouncilReport(IndicatorTexts texts, MessageSource messages, MonitorPages pages, CohortPages cohortPages) {
        this.texts = texts;
        this.messages = messages;
        this.pages = pages;
        this.cohortPages = cohortPages;
    }

    /**
     * The chapters beside the indicators: the cohorts with their charts, and the
     * benchmark (absent when the municipality has not opted in) with the municipality's
     * minimum number of peers for its rule.
     */
    record Beside(Cohorts.Table cohorts, List<CohortTexts.Chart> cohortCharts, BenchmarkApi.@Nullable Answer benchmark,
            int benchmarkMinPeers) {
    }

    record Contents(List<String> titles, List<Integer> pages) {
    }

    byte[] render(String municipality, Monitor.Sheet sheet, List<MonitorCharts.Chart> charts, Beside beside,
            Locale locale) {
        Contents first = write(municipality, sheet, charts, beside, locale, null).contents();
        return write(municipality, sheet, charts, beside, locale, first).pdf();
    }

    record Written(byte[] pdf, Contents contents) {
    }

    private Written write(String municipality, Monitor.Sheet sheet, List<MonitorCharts.Chart> charts, Beside beside,
            Locale locale, @Nullable Contents known) {
        Font title = font(18, Font.BOLD);
        Font heading = font(14, Font.BOLD);
        Font subheading = font(11, Font.BOLD);
        Font body = font(10, Font.NORMAL);
        Font small = font(8, Font.NORMAL);
        List<String> titles = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 50, 50, 50, 60);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        String name = word("monitoring.report.title", locale, municipality, sheet.period().toString());
        document.addTitle(name);
        document.addSubject(word("monitoring.title", locale));
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onChapter(PdfWriter w, Document d, float position, Paragraph chapterTitle) {
                titles.add(chapterTitle.getContent());
                starts.add(w.getPageNumber());
            }

            @Override
            public void onEndPage(PdfWriter w, Document d) {
                ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER,
                        new Phrase(word("monitoring.report.page", locale, w.getPageNumber()), small),
                        (d.left() + d.right()) / 2, d.bottom() - 24, 0);
            }
        });
        document.open();
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString(locale.getLanguage().equals("en") ? "en" : "nl-NL"));
        writer.setViewerPreferences(PdfWriter.DisplayDocTitle);

        Paragraph cover = new Paragraph(name, title);
        cover.setSpacingAfter(12);
        document.add(cover);
        document.add(new Paragraph(word(
                sheet.scope().suppressed() ? "monitoring.report.scope.municipality" : "monitoring.report.scope.team",
                locale), body));
        Paragraph contentsHeading = new Paragraph(word("monitoring.report.contents", locale), heading);
        contentsHeading.setSpacingBefore(18);
        contentsHeading.setSpacingAfter(6);
        document.add(contentsHeading);
        List<String> planned = chapterTitles(sheet, locale);
        for (int i = 0; i < planned.size(); i++) {
            String page = known == null || i >= known.pages().size() ? "…" : Integer.toString(known.pages().get(i));
            document.add(new Paragraph(
                    (i + 1) + ". " + planned.get(i) + " — " + word("monitoring.report.page", locale, page), body));
        }
        document.newPage();

        int number = 1;
        Chapter trends = new Chapter(new Paragraph(planned.get(0), heading), number++);
        for (MonitorCharts.Chart chart : charts) {
            addChart(trends, writer, chart.title(), chart.summary(), chart.chart(), chart.points(), subheading, body,
                    small);
        }
        document.add(trends);

        for (MonitorPages.AreaTable area : pages.tables(sheet, locale)) {
            Chapter chapter = new Chapter(new Paragraph(area.title(), heading), number++);
            PdfPTable table = new PdfPTable(new float[] { 5, 1.6f, 1.6f, 2.4f });
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.setSpacingBefore(8);
            table.addCell(cell(word("monitoring.indicator", locale), small, true));
            table.addCell(cell(sheet.period().toString(), small, true));
            table.addCell(cell(sheet.period().previous().toString(), small, true));
            table.addCell(cell(word("monitoring.reference", locale), small, true));
            for (MonitorPages.Row row : area.rows()) {
                table.addCell(cell(row.label(), small, false));
                table.addCell(cell(row.value(), small, false));
                table.addCell(cell(row.previous(), small, false));
                table.addCell(cell(row.reference() == null ? "—" : row.reference() + " (" + row.referenceSource() + ")",
                        small, false));
            }
            chapter.add(table);
            document.add(chapter);
        }

        Chapter cohorts = new Chapter(new Paragraph(planned.get(planned.size() - 4), heading), number++);
        Cohorts.Table cohortTable = beside.cohorts();
        cohorts
            .add(new Paragraph(word("monitoring.cohort.heading", locale, cohortTable.from(), cohortTable.to()), body));
        cohorts.add(new Paragraph(word("monitoring.cohort.intro", locale), body));
        for (CohortTexts.Chart chart : beside.cohortCharts()) {
            addChart(cohorts, writer, chart.title(), chart.summary(), chart.chart(), chart.points(), subheading, body,
                    small);
        }
        PdfPTable sizes = new PdfPTable(2);
        sizes.setWidthPercentage(50);
        sizes.setHorizontalAlignment(Element.ALIGN_LEFT);
        sizes.setHeaderRows(1);
        sizes.setSpacingBefore(10);
        sizes.addCell(cell(word("monitoring.cohort", locale), small, true));
        sizes.addCell(cell(word("monitoring.cohort.housed", locale), small, true));
        for (Cohorts.Size size : cohortTable.sizes()) {
            sizes.addCell(cell(Integer.toString(size.cohort()), small, false));
            sizes.addCell(cell(IndicatorTexts.shown(size.figure(), cohortTable.threshold()), small, false));
        }
        sizes.addCell(cell(word("monitoring.cohort.total", locale), small, false));
        sizes.addCell(cell(IndicatorTexts.shown(cohortTable.housedTotal(), cohortTable.threshold()), small, false));
        cohorts.add(sizes);
        for (CohortPages.MeasureTable measure : cohortPages.tables(cohortTable, locale)) {
            Paragraph measureTitle = new Paragraph(measure.title(), subheading);
            measureTitle.setSpacingBefore(10);
            cohorts.add(measureTitle);
            cohorts.add(new Paragraph(measure.definition(), small));
            PdfPTable table = new PdfPTable(1 + Cohorts.MONTHS.size());
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.setSpacingBefore(4);
            table.addCell(cell(word("monitoring.cohort", locale), small, true));
            for (int months : Cohorts.MONTHS) {
                table.addCell(cell(word("monitoring.cohort.after", locale, months), small, true));
            }
            for (CohortPages.Row row : measure.rows()) {
                table.addCell(cell(row.cohort(), small, false));
                row.cells().forEach(c -> table.addCell(cell(c, small, false)));
            }
            table.addCell(cell(word("monitoring.reference", locale), small, false));
            measure.references().forEach(c -> table.addCell(cell(c, small, false)));
            cohorts.add(table);
            for (String source : measure.sources()) {
                cohorts.add(new Paragraph(source, small));
            }
        }
        document.add(cohorts);

        Chapter benchmark = new Chapter(new Paragraph(planned.get(planned.size() - 3), heading), number++);
        BenchmarkApi.Answer answer = beside.benchmark();
        if (answer == null) {
            benchmark.add(new Paragraph(word("monitoring.benchmark.notOptedIn", locale), body));
        }
        else {
            benchmark.add(new Paragraph(word("monitoring.benchmark.intro", locale, answer.peerGroupLabel()), body));
            PdfPTable table = new PdfPTable(new float[] { 5, 1.4f, 1.4f, 1.4f, 1.4f, 1.4f });
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.setSpacingBefore(8);
            for (String key : List.of("monitoring.indicator", "monitoring.benchmark.own", "monitoring.benchmark.q1",
                    "monitoring.benchmark.median", "monitoring.benchmark.q3", "monitoring.benchmark.peers")) {
                table.addCell(cell(word(key, locale), small, true));
            }
            for (BenchmarkApi.Item item : answer.items()) {
                table.addCell(cell(item.label(), small, false));
                table.addCell(cell(item.shown(), small, false));
                table.addCell(cell(item.q1() == null ? "—" : item.q1().toPlainString(), small, false));
                table.addCell(cell(item.median() == null ? "—" : item.median().toPlainString(), small, false));
                table.addCell(cell(item.q3() == null ? "—" : item.q3().toPlainString(), small, false));
                table.addCell(cell(Integer.toString(item.peers()), small, false));
            }
            benchmark.add(table);
            benchmark.add(new Paragraph(word("monitoring.benchmark.rule", locale, beside.benchmarkMinPeers(),
                    2 * beside.benchmarkMinPeers()), small));
        }
        document.add(benchmark);

        Chapter definitions = new Chapter(new Paragraph(planned.get(planned.size() - 2), heading), number++);
        for (Monitor.Line line : sheet.lines()) {
            Paragraph label = new Paragraph(texts.label(line.indicator(), locale) + " (" + line.code() + ")",
                    subheading);
            label.setSpacingBefore(6);
            definitions.add(label);
            definitions.add(new Paragraph(texts.definition(line.indicator(), locale), body));
        }
        document.add(definitions);

        Chapter rule = new Chapter(new Paragraph(planned.get(planned.size() - 1), heading), number);
        Paragraph text = new Paragraph(word("monitoring.rule", locale, sheet.threshold()), body);
        text.setSpacingBefore(8);
        rule.add(text);
        document.add(rule);
        document.close();
        return new Written(out.toByteArray(), new Contents(titles, starts));
    }

    /** A chart with its title, summary and data table, as on the page. */
    private static void addChart(Chapter chapter, PdfWriter writer, String title, String summary, BarChart chart,
            List<BarChart.Point> points, Font subheading, Font body, Font small) {
        Paragraph chartTitle = new Paragraph(title, subheading);
        chartTitle.setSpacingBefore(10);
        chapter.add(chartTitle);
        chapter.add(new Paragraph(summary, body));
        chapter.add(chartImage(writer, chart));
        PdfPTable data = new PdfPTable(points.size());
        data.setWidthPercentage(100);
        data.setHeaderRows(1);
        for (BarChart.Point point : points) {
            data.addCell(cell(point.label(), small, true));
        }
        for (BarChart.Point point : points) {
            data.addCell(cell(point.text(), small, false));
        }
        chapter.add(data);
    }

    /**
     * The chapters in order: trends, one per area, cohorts, benchmark, definitions, the
     * suppression rule.
     */
    private List<String> chapterTitles(Monitor.Sheet sheet, Locale locale) {
        List<String> titles = new ArrayList<>();
        titles.add(word("monitoring.trends", locale));
        pages.tables(sheet, locale).forEach(area -> titles.add(area.title()));
        titles.add(word("monitoring.cohort.title", locale));
        titles.add(word("monitoring.benchmark.title", locale));
        titles.add(word("monitoring.report.definitions", locale));
        titles.add(word("monitoring.rule.title", locale));
        return titles;
    }

    /** The chart drawn from the same coordinates as the SVG, y turned upside down. */
    private static Image chartImage(PdfWriter writer, BarChart chart) {
        PdfTemplate canvas = writer.getDirectContent().createTemplate(chart.width(), chart.height());
        float h = chart.height();
        canvas.setColorStroke(new Color(0xd0, 0xd5, 0xdd));
        canvas.setLineWidth(0.5f);
        for (BarChart.Tick tick : chart.ticks()) {
            canvas.moveTo(44, h - tick.y());
            canvas.lineTo(chart.width(), h - tick.y());
            canvas.stroke();
            text(canvas, tick.value(), 40, h - tick.y() - 3, PdfContentByte.ALIGN_RIGHT);
        }
        for (BarChart.Bar bar : chart.bars()) {
            if (bar.drawn() && bar.height() > 0) {
                canvas.setColorFill(PRIMARY);
                canvas.rectangle(bar.x(), h - bar.y() - bar.height(), BarChart.BAR, bar.height());
                canvas.fill();
            }
            text(canvas, bar.text(), bar.labelX(), h - bar.y() + 4, PdfContentByte.ALIGN_CENTER);
            text(canvas, bar.label(), bar.labelX(), h - chart.baseline() - 14, PdfContentByte.ALIGN_CENTER);
        }
        canvas.setColorStroke(Color.BLACK);
        canvas.setLineWidth(1);
        canvas.moveTo(44, h - chart.baseline());
        canvas.lineTo(chart.width(), h - chart.baseline());
        canvas.stroke();
        try {
            Image image = Image.getInstance(canvas);
            image.setAlt("chart");
            return image;
        }
        catch (com.lowagie.text.BadElementException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void text(PdfTemplate canvas, String text, float x, float y, int align) {
        canvas.beginText();
        canvas.setColorFill(Color.BLACK);
        canvas.setFontAndSize(UNICODE, 8);
        canvas.showTextAligned(align, text, x, y, 0);
        canvas.endText();
    }

    private static PdfPCell cell(String text, Font font, boolean header) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(3);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(new Color(0xd0, 0xd5, 0xdd));
        if (header) {
            cell.setBackgroundColor(new Color(0xe8, 0xee, 0xf5));
        }
        return cell;
    }

    private String word(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static Font font(float size, int style) {
        return new Font(UNICODE, size, style);
    }

    private static BaseFont unicodeFont() {
        try {
            return BaseFont.createFont("font-fallback/LiberationSans-Regular.ttf", BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
