package nl.meedoen.residents.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.IsoCodes;
import nl.meedoen.residents.internal.Households;
import nl.meedoen.residents.internal.Households.Household;
import nl.meedoen.residents.internal.Person;
import nl.meedoen.residents.internal.PersonFiles;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The whole file on one page to print: the header, this module's sections and the
 * household, then every other module's section ({@code FileSummary#printed}), under the
 * municipality's name and the day it was printed. Printing is logged as its own kind of
 * read ({@code FILE_PRINTED}); each module logs the read of its own section.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class FilePrintPages {

    private final PersonFiles files;

    private final Households households;

    private final FileHeaders headers;

    private final AuditLog audit;

    private final Clock clock;

    FilePrintPages(PersonFiles files, Households households, FileHeaders headers, AuditLog audit, Clock clock) {
        this.files = files;
        this.households = households;
        this.headers = headers;
        this.audit = audit;
        this.clock = clock;
    }

    @ShowsPersonData
    @GetMapping("/personen/{id}/afdrukken")
    String print(@PathVariable UUID id, Model model) {
        Person person = files.open(id);
        @Nullable Household household = person.householdId() == null ? null : households.open(person.householdId());
        Set<UUID> members = new LinkedHashSet<>();
        if (household != null) {
            members.addAll(household.personIds());
            members.remove(id);
        }
        audit.read(AuditAction.FILE_PRINTED, id);
        audit.read(AuditAction.READ, members);
        Locale locale = LocaleContextHolder.getLocale();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("person", person);
        model.addAttribute("fileHeader", headers.of(person, ""));
        model.addAttribute("sections", headers.printed(id));
        model.addAttribute("household", household);
        model.addAttribute("today", today);
        model.addAttribute("municipality", CurrentUser.current().map(u -> u.municipality().name()).orElse(""));
        model.addAttribute("countryOfBirth", country(person.data().countryOfBirth(), locale));
        model.addAttribute("nationality", country(person.data().nationality(), locale));
        model.addAttribute("languages",
                person.data().languages().stream().map(code -> IsoCodes.languageName(code, locale)).toList());
        return "residents/print";
    }

    private static String country(@Nullable String code, Locale locale) {
        return code == null ? "—" : IsoCodes.countryName(code, locale);
    }

}
