package nl.meedoen.residents.web;

import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsNoPersonData;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.platform.IsoCodes;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.EndReason;
import nl.meedoen.residents.Gender;
import nl.meedoen.residents.FileNotices;
import nl.meedoen.residents.HouseholdRole;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.internal.Households;
import nl.meedoen.residents.internal.Households.Household;
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

/**
 * The person list, the file (dossier) and the forms to register, change and end a person.
 * Every page that shows a person's data logs that read once.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class PersonPages {

    private static final int PAGE_SIZE = PersonListPage.PAGE_SIZE;

    record Country(String code, String name) {
    }

    /**
     * The end form: the version it ends, the date, the reason and the caseworker's
     * confirmation, since an ended file leaves every worklist.
     */
    record EndForm(int version,
            @NotNull(message = "{person.endedOn.required}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate endedOn,
            @NotNull(message = "{person.endReason.required}") @Nullable EndReason endReason,
            @AssertTrue(message = "{person.end.confirm.required}") boolean confirmed) {
    }

    private final PersonFiles files;

    private final Households households;

    private final AuditLog audit;

    private final MessageSource messages;

    private final Clock clock;

    private final List<FileNotices> notices;

    private final PersonListPage list;

    PersonPages(PersonFiles files, Households households, AuditLog audit, MessageSource messages, Clock clock,
            List<FileNotices> notices, PersonListPage list) {
        this.list = list;
        this.files = files;
        this.households = households;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.notices = notices;
    }

    /**
     * The person list: for a caseworker the files they hold, unless they ask for the
     * whole team or search by name; filtered, sorted and paged by address.
     */
    @ShowsPersonData
    @GetMapping("/personen")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int pagina,
            @RequestParam(defaultValue = "false") boolean beeindigd,
            @ModelAttribute("listFilter") PersonListPage.Filter filter, BindingResult errors,
            @RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
        if (Residents.identifiesByNumber(q)) {
            // A BSN or V-number stays out of addresses (access logs, browser history):
            // the
            // search form posts it.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("numberInAddress", true);
            list.find(model, "", beeindigd, 0, new PersonListPage.Filter(null, null, null, null), Map.of(), errors);
            return results(model, "", beeindigd, 0, new Persons.Found(List.of(), 0));
        }
        Persons.Found found = list.find(model, q, beeindigd, pagina, filter, parameters, errors);
        if (errors.hasErrors() || model.containsAttribute("filterError")) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        audit.read(AuditAction.SEARCH, found.items().stream().map(Person::id).toList());
        return results(model, q, beeindigd, Math.max(pagina, 0), found);
    }

    /**
     * The search form's answer: by name, BSN or V-number, with the query in the body, so
     * the result page's address holds no number. A search by name pages on by address. A
     * search looks in the whole team's files.
     */
    @PostMapping("/personen/zoeken")
    String searchByPost(@RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "false") boolean beeindigd,
            @ModelAttribute("listFilter") PersonListPage.Filter filter, BindingResult errors, Model model) {
        PersonListPage.Filter team = new PersonListPage.Filter(PersonListPage.Scope.TEAM, null, null, null);
        Persons.Found found = list.find(model, q, beeindigd, 0, team, Map.of(), errors);
        audit.read(AuditAction.SEARCH, found.items().stream().map(Person::id).toList());
        return results(model, q, beeindigd, 0, found);
    }

    private String results(Model model, String q, boolean includeEnded, int page, Persons.Found found) {
        model.addAttribute("q", q);
        model.addAttribute("byNumber", Residents.identifiesByNumber(q));
        model.addAttribute("includeEnded", includeEnded);
        model.addAttribute("persons", found.items());
        model.addAttribute("total", found.total());
        model.addAttribute("page", page);
        model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return "residents/list";
    }

    @ShowsNoPersonData("an empty form")
    @GetMapping("/personen/nieuw")
    String newPerson(Model model) {
        return form(model, PersonData.empty(), null, null);
    }

    @PostMapping("/personen")
    String register(@Valid @ModelAttribute("person") PersonData person, BindingResult errors, Model model) {
        AtomicReference<Person> registered = new AtomicReference<>();
        if (!errors.hasErrors() && Forms.attempt(errors, () -> registered.set(files.register(person, null)))) {
            return "redirect:/personen/" + registered.get().id() + "?opgeslagen";
        }
        return form(model, person, null, null);
    }

    @ShowsPersonData
    @GetMapping("/personen/{id}")
    String file(@PathVariable UUID id, @RequestParam(name = "lid", required = false) @Nullable String memberQuery,
            @RequestParam(name = "opgeslagen", required = false) @Nullable String saved,
            @RequestParam(name = "fout", required = false) @Nullable String householdError, Model model) {
        return file(id, memberQuery, saved, householdError, false, model);
    }

    /**
     * The file with the persons found to add to the household: the search form posts its
     * query, so a BSN or V-number stays out of the address (one in the address is
     * ignored).
     */
    @PostMapping("/personen/{id}/huishouden/zoeken")
    String memberSearch(@PathVariable UUID id, @RequestParam(name = "lid", defaultValue = "") String memberQuery,
            Model model) {
        return file(id, memberQuery, null, null, true, model);
    }

    private String file(UUID id, @Nullable String memberQuery, @Nullable String saved, @Nullable String householdError,
            boolean numberInBody, Model model) {
        Person person = files.open(id);
        Household household = person.householdId() == null ? null : households.open(person.householdId());
        Set<UUID> shown = new LinkedHashSet<>(List.of(id));
        if (household != null) {
            shown.addAll(household.personIds());
        }
        audit.read(AuditAction.READ, shown);
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("person", person);
        model.addAttribute("notices", notices.stream().flatMap(n -> n.forPerson(id).stream()).toList());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("saved", saved != null);
        model.addAttribute("countryOfBirth", country(person.data().countryOfBirth(), locale));
        model.addAttribute("nationality", country(person.data().nationality(), locale));
        model.addAttribute("languages",
                person.data().languages().stream().map(code -> IsoCodes.languageName(code, locale)).toList());
        model.addAttribute("household", household);
        model.addAttribute("roles", HouseholdRole.values());
        if (householdError != null && householdError.matches("[a-zA-Z.]{1,60}")) {
            model.addAttribute("householdError", messages.getMessage(householdError, null, "", locale));
        }
        if (memberQuery != null && !memberQuery.isBlank() && household != null
                && (!Residents.identifiesByNumber(memberQuery) || numberInBody)) {
            model.addAttribute("memberQuery", memberQuery);
            model.addAttribute("candidates",
                    search(memberQuery, false, 0, 10).items()
                        .stream()
                        .filter(candidate -> !candidate.id().equals(id))
                        .toList());
        }
        return "residents/file";
    }

    @ShowsPersonData
    @GetMapping("/personen/{id}/bewerken")
    String edit(@PathVariable UUID id, Model model) {
        Person person = opened(id);
        return form(model, person.data(), id, person.version());
    }

    @PostMapping("/personen/{id}")
    String change(@PathVariable UUID id, @RequestParam int expectedVersion,
            @Valid @ModelAttribute("person") PersonData person, BindingResult errors, Model model) {
        if (!errors.hasErrors() && Forms.attempt(errors, () -> files.change(id, expectedVersion, person))) {
            return "redirect:/personen/" + id + "?opgeslagen";
        }
        return form(model, person, id, expectedVersion);
    }

    @ShowsPersonData
    @GetMapping("/personen/{id}/beeindigen")
    String endForm(@PathVariable UUID id, Model model) {
        Person person = opened(id);
        model.addAttribute("ending", new EndForm(person.version(), LocalDate.now(clock), null, false));
        return endPage(model, person);
    }

    @PostMapping("/personen/{id}/beeindigen")
    String end(@PathVariable UUID id, @Valid @ModelAttribute("ending") EndForm form, BindingResult errors,
            Model model) {
        if (!errors.hasErrors()
                && Forms.attempt(errors, () -> files.end(id, form.version(), form.endedOn(), form.endReason()))) {
            return "redirect:/personen/" + id + "?opgeslagen";
        }
        return endPage(model, opened(id));
    }

    private String endPage(Model model, Person person) {
        model.addAttribute("person", person);
        model.addAttribute("reasons", EndReason.values());
        return "residents/end";
    }

    /** The file for a page that shows it, the read logged. */
    private Person opened(UUID id) {
        Person person = files.open(id);
        audit.read(AuditAction.READ, id);
        return person;
    }

    /** A search whose result the page shows: a search by number is logged. */
    private Persons.Found search(String query, boolean includeEnded, int page, int size) {
        Persons.Found found = files.search(query, includeEnded, page, size);
        audit.read(AuditAction.SEARCH, found.items().stream().map(Person::id).toList());
        return found;
    }

    private String form(Model model, PersonData person, @Nullable UUID id, @Nullable Integer version) {
        model.addAttribute("person", person);
        model.addAttribute("personId", id);
        model.addAttribute("version", version);
        model.addAttribute("categories", Category.values());
        model.addAttribute("genders", Gender.values());
        model.addAttribute("countries", countries(LocaleContextHolder.getLocale()));
        return "residents/form";
    }

    /** Every country by its name in the page's language, then "unknown". */
    private static List<Country> countries(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        List<Country> countries = new ArrayList<>(Arrays.stream(Locale.getISOCountries())
            .map(code -> new Country(code, IsoCodes.countryName(code, locale)))
            .sorted(Comparator.comparing(Country::name, collator))
            .toList());
        countries.add(new Country(IsoCodes.UNKNOWN_COUNTRY, IsoCodes.countryName(IsoCodes.UNKNOWN_COUNTRY, locale)));
        return countries;
    }

    private static @Nullable String country(@Nullable String code, Locale locale) {
        return code == null ? null : IsoCodes.countryName(code, locale);
    }

}
