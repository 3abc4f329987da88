package nl.meedoen.trajectories.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import nl.meedoen.trajectories.internal.TransferFacts.ExamFact;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The handover document for a municipality outside this installation: the trajectory's
 * facts as a PDF (OpenPDF) in Dutch, beside the same facts as JSON.
 */
@Component
public class TransferDocument {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** The facts as a PDF. */
    public byte[] pdf(TransferFacts facts) {
        Font title = font(16, Font.BOLD);
        Font heading = font(13, Font.BOLD);
        Font body = font(11, Font.NORMAL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 60, 60, 60, 60);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle("Overdracht inburgeringstraject");
        document.open();
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("nl-NL"));
        document.add(new Paragraph("Overdracht inburgeringstraject", title));
        document
            .add(new Paragraph("Van gemeente " + facts.fromMunicipality() + ", stand op " + date(facts.asOf()), body));
        document.add(new Paragraph(" ", body));
        document.add(new Paragraph("Persoon", heading));
        var p = facts.person();
        PdfPTable person = table(body, "Naam", p.givenName() + " " + p.familyName(), "Geboortedatum",
                date(p.dateOfBirth()), "BSN", text(p.bsn()), "V-nummer", text(p.vNumber()), "Categorie",
                p.category().name(), "Datum van aankomst", date(p.arrivalDate()));
        document.add(person);
        document.add(new Paragraph("Traject", heading));
        document.add(table(body, "Regime", facts.regime() == null ? "—" : facts.regime().name(), "Leerroute",
                facts.route() == null ? "—" : facts.route().name() + (facts.level() == null ? "" : " " + facts.level()),
                "PIP vastgesteld op", date(facts.planAdoptedOn()), "Inburgeringstermijn",
                date(facts.integrationPeriodStart()) + " t/m " + date(facts.integrationPeriodEnd()),
                "Wisselen van leerroute uiterlijk", date(facts.routeSwitchDeadline()), "NT2-lesuren",
                hours(facts.lessonHours()), "Z-route: cursusuren", hours(facts.zCourseHours()),
                "Z-route: participatie-uren", hours(facts.zParticipationHours()), "MAP: praktijkuren",
                hours(facts.mapPracticalHours())));
        document.add(new Paragraph("Examens", heading));
        if (facts.exams().isEmpty()) {
            document.add(new Paragraph("Nog geen examens afgelegd.", body));
        }
        else {
            PdfPTable exams = new PdfPTable(4);
            for (String column : new String[] { "Onderdeel", "Niveau", "Uitslag", "Datum" }) {
                exams.addCell(new Paragraph(column, font(11, Font.BOLD)));
            }
            for (ExamFact e : facts.exams()) {
                exams.addCell(new Paragraph(e.part().name(), body));
                exams.addCell(new Paragraph(text(e.level()), body));
                exams.addCell(new Paragraph(e.result().name(), body));
                exams.addCell(new Paragraph(date(e.takenOn()), body));
            }
            document.add(exams);
        }
        document.close();
        return out.toByteArray();
    }

    private static PdfPTable table(Font font, String... labelsAndValues) {
        PdfPTable table = new PdfPTable(2);
        table.setSpacingAfter(8);
        for (String cell : labelsAndValues) {
            table.addCell(new Paragraph(cell, font));
        }
        return table;
    }

    private static String date(@Nullable LocalDate day) {
        return day == null ? "—" : DAY.format(day);
    }

    private static String hours(@Nullable BigDecimal hours) {
        return hours == null ? "—" : hours.stripTrailingZeros().toPlainString();
    }

    private static String text(@Nullable String value) {
        return value == null ? "—" : value;
    }

    private static Font font(float size, int style) {
        return new Font(UNICODE, size, style);
    }

    private static final BaseFont UNICODE = unicodeFont();

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
