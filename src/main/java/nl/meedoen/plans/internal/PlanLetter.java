package nl.meedoen.plans.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

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
import nl.meedoen.plans.Area;
import nl.meedoen.plans.internal.PersonalPlan.Action;
import nl.meedoen.plans.internal.PersonalPlan.Goal;
import nl.meedoen.plans.internal.PersonalPlan.Plan;
import nl.meedoen.plans.internal.PersonalPlan.Version;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan as a letter to hand to the person, in plain Dutch (language level B1): the
 * last adopted version (a draft marked as such when nothing is adopted yet). A PIP is a
 * decision, so its letter says how to object.
 */
@Component
public class PlanLetter {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH);

    /**
     * Weeks within which an objection must be made (Algemene wet bestuursrecht art. 6:7).
     */
    static final int OBJECTION_WEEKS = 6;

    private final PersonalPlans plans;

    private final Residents residents;

    private final Municipalities municipalities;

    private final PlanSettings settings;

    private final MessageSource messages;

    private final Clock clock;

    PlanLetter(PersonalPlans plans, Residents residents, Municipalities municipalities, PlanSettings settings,
            MessageSource messages, Clock clock) {
        this.clock = clock;
        this.plans = plans;
        this.residents = residents;
        this.municipalities = municipalities;
        this.settings = settings;
        this.messages = messages;
    }

    /** The letter as PDF bytes, dated today. */
    @Transactional(readOnly = true)
    public byte[] render(UUID personId) {
        LocalDate today = LocalDate.now(clock);
        Resident person = residents.find(personId).orElseThrow(NotFoundException::new);
        PersonalPlan current = plans.find(personId).orElseThrow(NotFoundException::new);
        Version version = current.lastAdopted().orElse(current.version());
        String municipality = municipalities.all()
            .stream()
            .filter(m -> m.id().equals(Tenancy.require()))
            .map(Municipality::name)
            .findFirst()
            .orElse("");
        boolean pip = current.plan().pip();

        Font title = font(16, Font.BOLD);
        Font heading = font(13, Font.BOLD);
        Font bold = font(11, Font.BOLD);
        Font body = font(11, Font.NORMAL);
        Font small = font(9, Font.NORMAL);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 60, 60, 60, 60);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(pip ? "Besluit persoonlijk plan inburgering en participatie" : "Uw plan");
        document.open();
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("nl-NL"));

        add(document, "Gemeente " + municipality, bold, 0);
        add(document, "Datum: " + DAY.format(today), body, 0);
        add(document, "Aan: " + person.name(), body, 12);
        add(document, pip ? "Besluit over uw persoonlijk plan inburgering en participatie (PIP)"
                : "Uw plan: onze afspraken over meedoen in " + municipality, title, 8);
        if (!version.adopted()) {
            Font warning = font(12, Font.BOLD);
            warning.setColor(new Color(0xA0, 0x1C, 0x1C));
            add(document, "CONCEPT - dit plan is nog niet vastgesteld.", warning, 8);
        }
        add(document, "Versie " + version.number()
                + (version.adopted() ? ", vastgesteld op " + DAY.format(version.adoptedOn()) : ""), small, 12);

        add(document, "Beste " + person.name() + ",", body, 8);
        if (pip) {
            add(document, "U moet inburgeren. Daarom maken wij samen met u een plan: het persoonlijk plan inburgering"
                    + " en participatie (PIP). Wij hebben besloten dat dit uw plan is. In deze brief leest u wat u gaat"
                    + " doen, wat wij doen en wanneer wij samen kijken hoe het gaat.", body, 8);
            Plan plan = current.plan();
            if (plan.learningRoute() != null) {
                add(document, "Uw leerroute", heading, 4);
                add(document, "U volgt de " + message("plans.route." + plan.learningRoute()) + ".", body, 2);
                if (plan.integrationPeriodStart() != null && plan.integrationPeriodEnd() != null) {
                    add(document, "U hebt tijd om in te burgeren van " + DAY.format(plan.integrationPeriodStart())
                            + " tot en met " + DAY.format(plan.integrationPeriodEnd()) + ".", body, 2);
                }
                if (plan.routeSwitchDeadline() != null) {
                    add(document,
                            "Past de leerroute niet bij u? Dan kunt u tot en met "
                                    + DAY.format(plan.routeSwitchDeadline()) + " een andere leerroute kiezen.",
                            body, 8);
                }
            }
        }
        else {
            add(document, "Wij hebben samen met u afspraken gemaakt. In deze brief leest u wat u gaat doen, wat wij"
                    + " doen en wanneer wij samen kijken hoe het gaat.", body, 8);
        }

        add(document, "Uw doelen", heading, 4);
        if (version.goals().isEmpty()) {
            add(document, "Er staan nog geen doelen in uw plan.", body, 8);
        }
        for (Area area : Area.values()) {
            List<Goal> goals = version.goalsIn(area);
            if (goals.isEmpty()) {
                continue;
            }
            add(document, message("plans.area." + area), bold, 2);
            for (Goal goal : goals) {
                Paragraph paragraph = new Paragraph("Doel: " + goal.description(), body);
                paragraph.setIndentationLeft(12);
                document.add(paragraph);
                String when = goal.targetDate() == null ? "" : "Klaar op: " + DAY.format(goal.targetDate()) + ". ";
                add(document,
                        when + "Hoe gaat het: " + message("plans.status." + goal.status()).toLowerCase(DUTCH) + ".",
                        body, 12, 2);
                for (Action action : goal.actions()) {
                    String line = "- " + action.what() + " (wie: " + message("plans.letter.owner." + action.who())
                            + (action.dueOn() == null ? "" : ", wanneer: voor " + DAY.format(action.dueOn()))
                            + (action.doneOn() == null ? "" : ", gedaan") + ")";
                    add(document, line, body, 24, 1);
                }
                add(document, "", body, 0, 4);
            }
        }

        Map<String, @Nullable String> elements = version.pip().byName();
        if (elements.values().stream().anyMatch(v -> v != null)) {
            add(document, pip ? "Wat er verder in uw PIP staat" : "Andere afspraken", heading, 4);
            elements.forEach((name, value) -> {
                if (value != null) {
                    add(document, message("plans.pip." + name), bold, 0);
                    add(document, value, body, 6);
                }
            });
        }

        add(document, "Hoe wij kijken hoe het gaat", heading, 4);
        add(document,
                "Wij praten samen over hoe het gaat. Dat doen wij elke " + settings.current().reviewIntervalMonths()
                        + " maanden. Het volgende gesprek is uiterlijk op " + DAY.format(current.nextReviewDue()) + ".",
                body, 8);

        if (pip) {
            add(document, "Bent u het niet eens met dit besluit?", heading, 4);
            add(document,
                    "Dan kunt u bezwaar maken. Dat doet u binnen " + OBJECTION_WEEKS
                            + " weken na de datum van deze brief. Stuur een brief aan het college van burgemeester en"
                            + " wethouders van de gemeente " + municipality + ". Schrijf in uw brief:",
                    body, 2);
            for (String item : List.of("uw naam en adres;", "de datum;",
                    "over welk besluit het gaat (stuur een kopie van deze brief mee);",
                    "waarom u het niet eens bent met het besluit;", "uw handtekening.")) {
                add(document, "- " + item, body, 12, 1);
            }
            add(document, "", body, 0, 6);
        }
        add(document, "Hebt u vragen? Neem dan contact op met uw begeleider bij de gemeente.", body, 12);
        add(document, "Met vriendelijke groet,", body, 0);
        add(document, "Het college van burgemeester en wethouders van " + municipality, body, 0);
        document.close();
        return out.toByteArray();
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, DUTCH);
    }

    /**
     * A Unicode font embedded in the letter (Liberation Sans, shipped with OpenPDF), so
     * names such as Yılmaz or Şükrü print as they are written; bold is drawn from it.
     */
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

    private static void add(Document document, String text, Font font, float after) {
        add(document, text, font, 0, after);
    }

    private static void add(Document document, String text, Font font, float indent, float after) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setIndentationLeft(indent);
        paragraph.setSpacingAfter(after);
        document.add(paragraph);
    }

}
