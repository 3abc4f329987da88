package nl.meedoen.residents.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.FileHolders;
import nl.meedoen.residents.PersonListFilter;
import nl.meedoen.residents.internal.Person;
import nl.meedoen.residents.internal.PersonFiles;
import nl.meedoen.residents.internal.Persons;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The person list with its filters: for a caseworker the files they hold ("Mijn
 * dossiers") unless they ask for the whole team, a caseworker column, the order, the
 * category and the year of arrival (this module's columns) and the filters other modules
 * contribute as SQL over their own tables ({@link PersonListFilter}). Every choice is in
 * the address, so paging keeps them and the address of a page can be shared.
 */
@Component
class PersonListPage {

    static final int PAGE_SIZE = 25;

    /** The scope of the list: the files the user holds or every file of the team. */
    enum Scope {

        MIJN, TEAM

    }

    /** The orders of the list, as they appear in the address. */
    enum Order {

        NAAM(Persons.Sort.NAME), AANKOMST(Persons.Sort.ARRIVAL), DOELGROEP(Persons.Sort.CATEGORY);

        private final Persons.Sort sort;

        Order(Persons.Sort sort) {
            this.sort = sort;
        }

    }

    /** The filters of this module, bound from the address. */
    record Filter(@Nullable Scope dossiers, @Nullable Category doelgroep, @Nullable Integer aankomstjaar,
            @Nullable Order sorteer) {
    }

    /** A contributed filter as the page shows it. */
    record ShownFilter(String parameter, String labelKey, List<Choice> choices, @Nullable String selected) {
    }

    record Choice(String value, String labelKey) {
    }

    private final PersonFiles files;

    private final List<PersonListFilter> filters;

    private final Optional<FileHolders> holders;

    private final Clock clock;

    PersonListPage(PersonFiles files, List<PersonListFilter> filters, Optional<FileHolders> holders, Clock clock) {
        this.files = files;
        this.filters = filters;
        this.holders = holders;
        this.clock = clock;
    }

    /** The scope a list starts with: a caseworker's own files, unless they search. */
    Scope scope(Filter filter, String query) {
        if (filter.dossiers() != null) {
            return filter.dossiers();
        }
        boolean caseworker = CurrentUser.current().map(u -> u.hasRole(Role.CASEWORKER)).orElse(false);
        return caseworker && query.isBlank() && holders.isPresent() ? Scope.MIJN : Scope.TEAM;
    }

    /**
     * Finds the page and puts the list, the filters and the links of the pages in the
     * model; an unknown choice of a contributed filter or an arrival year out of range is
     * an error on its field.
     */
    Persons.Found find(Model model, String query, boolean includeEnded, int page, Filter filter,
            Map<String, String> parameters, BindingResult errors) {
        LocalDate today = LocalDate.now(clock);
        Scope scope = scope(filter, query);
        Integer year = filter.aankomstjaar();
        if (year != null && (year < 1900 || year > today.getYear())) {
            errors.rejectValue("aankomstjaar", "persons.filter.badValue");
            year = null;
        }
        List<String> conditions = new ArrayList<>();
        List<ShownFilter> shown = new ArrayList<>();
        Map<String, String> chosen = new LinkedHashMap<>();
        for (PersonListFilter f : filters) {
            String value = parameters.get(f.parameter());
            String selected = null;
            if (value != null && !value.isBlank()) {
                if (f.choices().contains(value)) {
                    conditions.add(f.condition(value));
                    selected = value;
                    chosen.put(f.parameter(), value);
                }
                else {
                    model.addAttribute("filterError", f.parameter());
                }
            }
            shown.add(new ShownFilter(f.parameter(), f.labelKey(),
                    f.choices().stream().map(c -> new Choice(c, f.choiceKey(c))).toList(), selected));
        }
        UUID me = CurrentUser.current().map(CurrentUser::id).orElse(null);
        String holderCondition = scope == Scope.MIJN && me != null ? holders.map(FileHolders::heldBy).orElse(null)
                : null;
        Map<String, Object> params = new HashMap<>(Map.of("today", today));
        if (holderCondition != null) {
            params.put("holder", me);
        }
        Order order = filter.sorteer() == null ? Order.NAAM : filter.sorteer();
        int current = Math.max(page, 0);
        Persons.Found found = files.list(new Persons.ListQuery(query, includeEnded,
                errors.hasFieldErrors("doelgroep") ? null : filter.doelgroep(), year, conditions, holderCondition,
                order.sort, current, PAGE_SIZE), params);
        model.addAttribute("scope", scope);
        model.addAttribute("scopeChoice", holders.isPresent());
        model.addAttribute("order", order);
        model.addAttribute("orders", Order.values());
        model.addAttribute("categories", Category.values());
        model.addAttribute("listFilter", filter);
        model.addAttribute("arrivalYear", year);
        model.addAttribute("listFilters", shown);
        model.addAttribute("holders",
                holders.map(h -> h.holders(found.items().stream().map(Person::id).toList())).orElse(Map.of()));
        model.addAttribute("showsHolders", holders.isPresent());
        model.addAttribute("pageLink", pageLink(query, includeEnded, scope, filter, year, order, chosen));
        return found;
    }

    /**
     * The address of the list with every choice but the page, which the template adds.
     */
    private static String pageLink(String query, boolean includeEnded, Scope scope, Filter filter,
            @Nullable Integer year, Order order, Map<String, String> chosen) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/personen");
        if (!query.isBlank()) {
            link.queryParam("q", query);
        }
        if (includeEnded) {
            link.queryParam("beeindigd", true);
        }
        link.queryParam("dossiers", scope.name());
        if (filter.doelgroep() != null) {
            link.queryParam("doelgroep", filter.doelgroep().name());
        }
        if (year != null) {
            link.queryParam("aankomstjaar", year);
        }
        chosen.forEach(link::queryParam);
        link.queryParam("sorteer", order.name());
        return link.encode().build().toUriString();
    }

}
