package nl.meedoen.exchange.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletResponse;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.exchange.internal.BrpException;
import nl.meedoen.exchange.internal.BrpLookups;
import nl.meedoen.exchange.internal.BrpLookups.Field;
import nl.meedoen.exchange.internal.BrpLookups.Lookup;
import nl.meedoen.exchange.internal.BrpLookups.Member;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The population register beside the file: "Opzoeken in de BRP" posts the lookup (the BSN
 * never in an address), the page shows every field side by side (Meedoen | BRP) and the
 * households, and "Overnemen" takes over one field with the file's version.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class BrpPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** A row as the page shows it: dates as days, gender in words. */
    record RowView(Field field, @Nullable String meedoen, @Nullable String brp, boolean differs, boolean applicable) {
    }

    /** A partner, child or parent as the page shows them. */
    record RelativeView(String relation, @Nullable String name, @Nullable String dateOfBirth,
            @Nullable UUID inHousehold) {
    }

    private final BrpLookups lookups;

    private final Residents residents;

    private final AuditLog audit;

    private final MessageSource messages;

    BrpPages(BrpLookups lookups, Residents residents, AuditLog audit, MessageSource messages) {
        this.lookups = lookups;
        this.residents = residents;
        this.audit = audit;
        this.messages = messages;
    }

    @PostMapping("/personen/{id}/brp")
    String lookup(@PathVariable UUID id, @RequestParam(required = false) @Nullable String bsn, Model model,
            HttpServletResponse response) {
        Resident person = residents.find(id).orElseThrow(NotFoundException::new);
        try {
            return page(person, lookups.lookupFor(id, bsn), bsn, model);
        }
        catch (InvalidInputException ex) {
            model.addAttribute("bsnError", ex.errors().get(0).messageKey());
            return page(person, null, bsn, model);
        }
        catch (BrpException ex) {
            return failed(person, ex, bsn, model, response);
        }
    }

    @PostMapping("/personen/{id}/brp/overnemen")
    String apply(@PathVariable UUID id, @RequestParam Field field, @RequestParam int version,
            @RequestParam(required = false) @Nullable String bsn, Model model, HttpServletResponse response) {
        Resident person = residents.find(id).orElseThrow(NotFoundException::new);
        AtomicReference<Lookup> after = new AtomicReference<>();
        try {
            Forms.Problem refusal = Forms.refusal(() -> after.set(lookups.apply(id, bsn, field, version)));
            if (refusal != null) {
                model.addAttribute("problem", refusal.messageKey());
                return page(person, lookups.lookupFor(id, bsn), bsn, model);
            }
            model.addAttribute("applied", field);
            return page(person, after.get(), bsn, model);
        }
        catch (BrpException ex) {
            return failed(person, ex, bsn, model, response);
        }
    }

    private String failed(Resident person, BrpException ex, @Nullable String bsn, Model model,
            HttpServletResponse response) {
        response.setStatus(BrpProblems.status(ex).value());
        model.addAttribute("brpError", BrpProblems.message(messages, ex, LocaleContextHolder.getLocale()));
        return page(person, null, bsn, model);
    }

    private String page(Resident person, @Nullable Lookup lookup, @Nullable String bsn, Model model) {
        model.addAttribute("person", person);
        model.addAttribute("lookup", lookup);
        model.addAttribute("typedBsn", bsn);
        if (lookup != null) {
            Locale locale = LocaleContextHolder.getLocale();
            List<RowView> rows = lookup.rows()
                .stream()
                .filter(row -> row.field() != Field.HOUSEHOLD)
                .map(row -> new RowView(row.field(), shown(row.field(), row.meedoen(), locale),
                        shown(row.field(), row.brp(), locale), row.differs(), row.applicable()))
                .toList();
            model.addAttribute("rows", rows);
            model.addAttribute("differing", rows.stream().filter(RowView::differs).count());
            model.addAttribute("relatives",
                    lookup.registerHousehold()
                        .stream()
                        .map(r -> new RelativeView(r.relation(), r.name(),
                                shown(Field.DATE_OF_BIRTH, r.dateOfBirth(), locale), r.inHousehold()))
                        .toList());
            model.addAttribute("version", lookup.file() == null ? null : lookup.file().version());
            model.addAttribute("askedWithTypedBsn", lookup.file() != null && lookup.file().bsn() == null);
            audit.read(AuditAction.BRP_LOOKUP, person.id());
            audit.read(AuditAction.READ, lookup.meedoenHousehold().stream().map(Member::personId).toList());
        }
        return "exchange/brp";
    }

    private @Nullable String shown(Field field, @Nullable String value, Locale locale) {
        if (value == null) {
            return null;
        }
        if (field == Field.GENDER) {
            return messages.getMessage("gender." + value, null, value, locale);
        }
        if (field == Field.DATE_OF_BIRTH) {
            try {
                return LocalDate.parse(value).format(DAY);
            }
            catch (DateTimeParseException ex) {
                return value;
            }
        }
        return value;
    }

}
