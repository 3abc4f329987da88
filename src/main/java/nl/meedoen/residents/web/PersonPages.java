package nl.meedoen.residents.web;

import java.text.Collator;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.IsoCodes;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.EndReason;
import nl.meedoen.residents.Gender;
import nl.meedoen.residents.HouseholdRole;
import nl.meedoen.residents.internal.Households;
import nl.meedoen.residents.internal.Person;
import nl.meedoen.residents.internal.PersonData;
import nl.meedoen.residents.internal.PersonFiles;
import nl.meedoen.residents.internal.Persons;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person list, the file (dossier) and the forms to register, change and end a person.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class PersonPages {

    private static final int PAGE_SIZE = 25;

    record Country(String code, String name) {
    }

    private final PersonFiles files;

    private final Households households;

    private final MessageSource messages;

    PersonPages(PersonFiles files, Households households, MessageSource messages) {
        this.files = files;
        this.households = households;
        this.messages = messages;
    }

    @GetMapping("/personen")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int pagina,
            @RequestParam(defaultValue = "false") boolean beeindigd, Model model) {
        String query = q.length() > 200 ? q.substring(0, 200) : q;
        int page = Math.max(pagina, 0);
        Persons.Found found = files.search(query, beeindigd, page, PAGE_SIZE);
        model.addAttribute("q", query);
        model.addAttribute("includeEnded", beeindigd);
        model.addAttribute("persons", found.items());
        model.addAttribute("total", found.total());
        model.addAttribute("page", page);
        model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return "residents/list";
    }

    @GetMapping("/personen/nieuw")
    String newPerson(Model model) {
        return form(model, PersonData.empty(), null, null);
    }

    @PostMapping("/personen")
    String register(@Valid @ModelAttribute("person") PersonData person, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                return "redirect:/personen/" + files.register(person, null).id() + "?opgeslagen";
            }
            catch (ConflictException ex) {
                errors.rejectValue(ex.messageKey().startsWith("person.bsn") ? "bsn" : "vNumber", ex.messageKey());
            }
        }
        return form(model, person, null, null);
    }

    @GetMapping("/personen/{id}")
    String file(@PathVariable UUID id, @RequestParam(name = "lid", required = false) @Nullable String memberQuery,
            @RequestParam(name = "opgeslagen", required = false) @Nullable String saved,
            @RequestParam(name = "fout", required = false) @Nullable String householdError, Model model) {
        Person person = files.open(id);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("person", person);
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("saved", saved != null);
        model.addAttribute("countryOfBirth", country(person.data().countryOfBirth(), locale));
        model.addAttribute("nationality", country(person.data().nationality(), locale));
        model.addAttribute("languages",
                person.data().languages().stream().map(code -> IsoCodes.languageName(code, locale)).toList());
        model.addAttribute("household",
                person.householdId() == null ? null : households.within(person.householdId()).orElse(null));
        model.addAttribute("roles", HouseholdRole.values());
        if (householdError != null && householdError.matches("[a-zA-Z.]{1,60}")) {
            model.addAttribute("householdError", messages.getMessage(householdError, null, "", locale));
        }
        if (memberQuery != null && !memberQuery.isBlank() && person.householdId() != null) {
            model.addAttribute("memberQuery", memberQuery);
            model.addAttribute("candidates",
                    files.search(memberQuery.length() > 200 ? memberQuery.substring(0, 200) : memberQuery, false, 0, 10)
                        .items()
                        .stream()
                        .filter(candidate -> !candidate.id().equals(id))
                        .toList());
        }
        return "residents/file";
    }

    @GetMapping("/personen/{id}/bewerken")
    String edit(@PathVariable UUID id, Model model) {
        Person person = files.open(id);
        return form(model, person.data(), id, person.version());
    }

    @PostMapping("/personen/{id}")
    String change(@PathVariable UUID id, @RequestParam int expectedVersion,
            @Valid @ModelAttribute("person") PersonData person, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                files.change(id, expectedVersion, person);
                return "redirect:/personen/" + id + "?opgeslagen";
            }
            catch (ConflictException ex) {
                errors.rejectValue(ex.messageKey().startsWith("person.bsn") ? "bsn" : "vNumber", ex.messageKey());
            }
            catch (StaleVersionException ex) {
                model.addAttribute("stale", true);
            }
        }
        return form(model, person, id, expectedVersion);
    }

    @GetMapping("/personen/{id}/beeindigen")
    String endForm(@PathVariable UUID id, Model model) {
        model.addAttribute("person", files.open(id));
        model.addAttribute("reasons", EndReason.values());
        model.addAttribute("endedOn", LocalDate.now());
        return "residents/end";
    }

    @PostMapping("/personen/{id}/beeindigen")
    String end(@PathVariable UUID id, @RequestParam int expectedVersion,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endedOn,
            @RequestParam EndReason endReason, Model model, RedirectAttributes redirect) {
        Locale locale = LocaleContextHolder.getLocale();
        String endedOnError = null;
        if (endedOn == null) {
            endedOnError = messages.getMessage("person.endedOn.required", null, locale);
        }
        else if (endedOn.isAfter(LocalDate.now())) {
            endedOnError = messages.getMessage("date.future", null, locale);
        }
        if (endedOnError == null) {
            try {
                files.end(id, expectedVersion, endedOn, endReason);
                return "redirect:/personen/" + id + "?opgeslagen";
            }
            catch (StaleVersionException ex) {
                model.addAttribute("error", messages.getMessage("form.stale", null, locale));
            }
            catch (ConflictException ex) {
                model.addAttribute("error", messages.getMessage(ex.messageKey(), null, locale));
            }
        }
        model.addAttribute("person", files.open(id));
        model.addAttribute("reasons", EndReason.values());
        model.addAttribute("endedOn", endedOn);
        model.addAttribute("endedOnError", endedOnError);
        return "residents/end";
    }

    private String form(Model model, PersonData person, @Nullable UUID id, @Nullable Integer version) {
        Locale locale = LocaleContextHolder.getLocale();
        Collator collator = Collator.getInstance(locale);
        model.addAttribute("person", person);
        model.addAttribute("personId", id);
        model.addAttribute("version", version);
        model.addAttribute("categories", Category.values());
        model.addAttribute("genders", Gender.values());
        model.addAttribute("countries", Arrays.stream(Locale.getISOCountries())
            .map(code -> new Country(code, IsoCodes.countryName(code, locale)))
            .sorted(Comparator.comparing(Country::name, collator))
            .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), list -> {
                list.add(new Country(IsoCodes.UNKNOWN_COUNTRY, IsoCodes.countryName(IsoCodes.UNKNOWN_COUNTRY, locale)));
                return List.copyOf(list);
            })));
        return "residents/form";
    }

    private static @Nullable String country(@Nullable String code, Locale locale) {
        return code == null ? null : IsoCodes.countryName(code, locale);
    }

}
