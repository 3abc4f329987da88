package nl.meedoen.portal.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.identity.Municipality;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.portal.internal.ActivationLetters.Issued;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The activation letter as PDF, in plain Dutch (B1) with a short English line: the
 * username, the one-time code, until when it works and where to enter it.
 */
@Component
public class ActivationLetterPdf {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);

    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private static final BaseFont UNICODE = unicodeFont();

    private final Municipalities municipalities;

    private final Clock clock;

    private final String address;

    ActivationLetterPdf(Municipalities municipalities, Clock clock,
            @Value("${meedoen.portal.address:https://meedoen.example.nl/mijn/activeren}") String address) {
        this.municipalities = municipalities;
        this.clock = clock;
        this.address = address;
    }

    /** The letter of the code just issued, dated today. */
    public byte[] render(Issued letter) {
        String municipality = municipalities.all()
            .stream()
            .filter(m -> m.id().equals(Tenancy.require()))
            .map(Municipality::name)
            .findFirst()
            .orElse("");
        Font title = new Font(UNICODE, 16, Font.BOLD);
        Font bold = new Font(UNICODE, 11, Font.BOLD);
        Font body = new Font(UNICODE, 11, Font.NORMAL);
        Font code = new Font(UNICODE, 18, Font.BOLD);
        Font small = new Font(UNICODE, 9, Font.NORMAL);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 60, 60, 60, 60);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle("Uw code voor Mijn Meedoen");
        document.open();
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("nl-NL"));

        add(document, "Gemeente " + municipality, bold, 0);
        add(document, "Datum: " + DAY.format(LocalDate.now(clock)), body, 0);
        add(document, "Aan: " + letter.name(), body, 12);
        add(document, "Uw code voor Mijn Meedoen", title, 8);
        add(document, "Beste " + letter.name() + ",", body, 8);
        add(document, "Met Mijn Meedoen ziet u uw eigen dossier: uw afspraken, uw plan en wie uw gegevens bekeek."
                + " Met deze brief maakt u zelf een wachtwoord.", body, 8);
        add(document, "Zo doet u het:", bold, 2);
        add(document, "1. Ga naar " + address, body, 2);
        add(document, "2. Vul uw gebruikersnaam en de code in:", body, 6);
        add(document, "Gebruikersnaam: " + letter.username(), bold, 2);
        add(document, "Code: " + letter.code(), code, 6);
        add(document, "3. Kies een wachtwoord van minstens 12 tekens.", body, 8);
        add(document, "De code werkt één keer, " + ActivationLetters.VALID_DAYS + " dagen lang: tot en met "
                + DAY.format(letter.validUntil())
                + ". Na vijf keer een verkeerde code werkt hij niet meer. Vraag dan uw begeleider om een nieuwe brief.",
                body, 8);
        add(document, "Geef deze code aan niemand. De gemeente vraagt nooit om uw code of uw wachtwoord.", bold, 12);
        add(document,
                "Your code for Mijn Meedoen: go to the address above, enter your username and the code, and choose"
                        + " a password. The code works once, until " + DAY_EN.format(letter.validUntil()) + ".",
                small, 12);
        add(document, "Met vriendelijke groet,", body, 0);
        add(document, "Het college van burgemeester en wethouders van " + municipality, body, 0);
        document.close();
        return out.toByteArray();
    }

    private static void add(Document document, String text, Font font, float after) {
        Paragraph paragraph = new Paragraph(text, font);
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
