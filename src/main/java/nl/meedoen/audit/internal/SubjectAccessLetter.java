package nl.meedoen.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import nl.meedoen.audit.PersonalData;
import nl.meedoen.platform.Time;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The subject-access export as a letter the person can read: plain Dutch, a heading per
 * part of the file, each record as "what: value", then who processed the file when and
 * why.
 */
@Component
public class SubjectAccessLetter {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH).withZone(Time.ZONE);

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm", DUTCH)
        .withZone(Time.ZONE);

    private static final BaseFont UNICODE = unicodeFont();

    private final MessageSource messages;

    SubjectAccessLetter(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] pdf(SubjectAccess.Export export) {
        Font title = new Font(UNICODE, 16, Font.BOLD);
        Font heading = new Font(UNICODE, 13, Font.BOLD);
        Font bold = new Font(UNICODE, 10, Font.BOLD);
        Font body = new Font(UNICODE, 10, Font.NORMAL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle("Uw gegevens bij de gemeente");
        document.open();
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("nl-NL"));
        add(document, "Uw gegevens bij de gemeente", title, 0, 8);
        add(document, "Voor: " + export.name() + " (" + export.identification() + ")", body, 0, 2);
        add(document, "Datum: " + DAY.format(export.madeAt()), body, 0, 8);
        add(document, "U hebt gevraagd welke gegevens de gemeente over u heeft. Dat is uw recht (artikel 15 van de "
                + "Algemene verordening gegevensbescherming). In deze brief staat alles wat wij in Meedoen over u "
                + "hebben opgeslagen. Daarna leest u wie uw gegevens heeft bekeken of veranderd, wanneer en waarom. "
                + "Klopt er iets niet? Dan mag u vragen om het te verbeteren.", body, 0, 10);
        for (PersonalData.Section section : export.sections()) {
            add(document, section.title(), heading, 0, 4);
            if (section.records().isEmpty()) {
                add(document, "Hierover hebben wij niets van u opgeslagen.", body, 0, 8);
                continue;
            }
            for (Map<String, @Nullable Object> record : section.records()) {
                for (Map.Entry<String, @Nullable Object> field : record.entrySet()) {
                    if (field.getValue() != null) {
                        add(document, ColumnLabels.dutch(field.getKey()) + ": " + text(field.getValue()), body, 12, 0);
                    }
                }
                add(document, "", body, 0, 6);
            }
        }
        add(document, "Wie heeft uw gegevens bekeken of veranderd?", heading, 0, 4);
        add(document, "Elke keer dat iemand uw dossier opent of verandert, schrijven wij dat op: wie, wanneer en "
                + "waarom. Hieronder staat dat, het nieuwste eerst.", body, 0, 6);
        if (export.accessesInLog() > export.accesses().size()) {
            add(document,
                    "Dit zijn de laatste " + export.accesses().size() + " van " + export.accessesInLog() + " keer.",
                    body, 0, 6);
        }
        for (SubjectAccess.Access access : export.accesses()) {
            add(document, MOMENT.format(access.at()) + " - " + access.actor() + role(access.actorRole()), bold, 0, 0);
            add(document, message("auditAction." + access.action(), access.action()) + ". Waarom: " + access.purpose(),
                    body, 12, 4);
        }
        document.close();
        return out.toByteArray();
    }

    private String role(@Nullable String role) {
        return role == null ? "" : " (" + message("role." + role, role) + ")";
    }

    private String message(String key, String fallback) {
        return messages.getMessage(key, null, fallback, DUTCH);
    }

    private static String text(Object value) {
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Boolean yes) {
            return yes ? "ja" : "nee";
        }
        return String.valueOf(value);
    }

    private static void add(Document document, String text, Font font, float indent, float after) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setIndentationLeft(indent);
        paragraph.setSpacingAfter(after);
        document.add(paragraph);
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
