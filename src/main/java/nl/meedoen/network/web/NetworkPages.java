package nl.meedoen.network.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.network.ContactKind;
import nl.meedoen.network.MatchStatus;
import nl.meedoen.network.VolunteerRole;
import nl.meedoen.network.internal.BuddyMatches;
import nl.meedoen.network.internal.BuddyMatches.LogKind;
import nl.meedoen.network.internal.BuddyMatches.Match;
import nl.meedoen.network.internal.Contacts;
import nl.meedoen.network.internal.MatchRequests;
import nl.meedoen.network.internal.MatchRequests.MatchRequest;
import nl.meedoen.network.internal.Matching;
import nl.meedoen.network.internal.NetworkSettings;
import nl.meedoen.network.internal.Scoring.Scored;
import nl.meedoen.network.internal.Volunteers;
import nl.meedoen.network.internal.WeekdayPart;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.IsoCodes;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.residents.Gender;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import org.jspecify.annotations.Nullable;

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
 * The own-network pages: a person's network with the match request form (caseworkers),
 * the coordinator's worklist (open requests, running matches, check-ins due), the
 * candidate list with the explanation of each score, and the match page with its log.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD', 'VOLUNTEER_COORDINATOR')")
class NetworkPages {

    record RequestForm(@Nullable String role, @Size(max = 300, message = "{field.tooLong}") @Nullable String languages,
            @Size(max = 300, message = "{field.tooLong}") @Nullable String countries,
            @Size(max = 500, message = "{field.tooLong}") @Nullable String interests,
            @Nullable List<String> availability, @Nullable String postcode, @Nullable String preferredGender,
            @Size(max = 2000, message = "{field.tooLong}") @Nullable String notes) {

        MatchRequests.Draft draft() {
            return new MatchRequests.Draft(Inputs.role(role, "role"),
                    Inputs.languageCodes(Inputs.split(languages), "languages"),
                    Inputs.countryCodes(Inputs.split(countries), "countries"), Inputs.split(interests),
                    Inputs.availability(availability, "availability"), VolunteerApi.blank(postcode),
                    Inputs.gender(preferredGender, "preferredGender"), notes);
        }
    }

    record ContactForm(@Nullable String kind,
            @NotBlank(message = "{network.contact.name.required}") @Size(max = 200,
                    message = "{field.tooLong}") @Nullable String name,
            @Size(max = 1000, message = "{field.tooLong}") @Nullable String note,
            @PastOrPresent(message = "{date.future}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate since) {
    }

    record MoveForm(@Nullable String status,
            @PastOrPresent(message = "{date.future}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @Size(max = 1000, message = "{field.tooLong}") @Nullable String reason) {
    }

    record LogForm(@Nullable String kind, @NotNull(message = "{network.log.heldOn.required}") @PastOrPresent(
            message = "{date.future}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate heldOn,
            @DecimalMin(value = "0.5", message = "{network.log.hours}") @DecimalMax(value = "24",
                    message = "{network.log.hours}") @Digits(integer = 2, fraction = 1,
                            message = "{network.log.hours}") @Nullable BigDecimal hours,
            @Size(max = 1000, message = "{field.tooLong}") @Nullable String note) {
    }

    private final Residents residents;

    private final Contacts contacts;

    private final MatchRequests requests;

    private final Matching matching;

    private final BuddyMatches matches;

    private final Volunteers volunteers;

    private final NetworkSettings settings;

    private final nl.meedoen.network.internal.PersonNames personNames;

    private final org.springframework.context.MessageSource messages;

    NetworkPages(Residents residents, Contacts contacts, MatchRequests requests, Matching matching,
            BuddyMatches matches, Volunteers volunteers, NetworkSettings settings,
            nl.meedoen.network.internal.PersonNames personNames, org.springframework.context.MessageSource messages) {
        this.residents = residents;
        this.contacts = contacts;
        this.requests = requests;
        this.matching = matching;
        this.matches = matches;
        this.volunteers = volunteers;
        this.settings = settings;
        this.personNames = personNames;
        this.messages = messages;
    }

    // --- the person's network (caseworkers) ---

    @GetMapping("/personen/{id}/netwerk")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String network(@PathVariable UUID id, Model model) {
        return networkPage(id, model);
    }

    @PostMapping("/personen/{id}/netwerk/verzoek")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String request(@PathVariable UUID id, @Valid @ModelAttribute("requestForm") RequestForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                UUID requestId = requests.request(id, form.draft());
                redirect.addFlashAttribute("saved", "network.request.saved");
                return "redirect:/netwerk/verzoeken/" + requestId;
            }
            catch (InvalidInputException ex) {
                ex.errors().forEach(e -> errors.rejectValue(e.field(), e.messageKey()));
            }
        }
        return networkPage(id, model);
    }

    @PostMapping("/personen/{id}/netwerk/contact")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String addContact(@PathVariable UUID id, @Valid @ModelAttribute("contactForm") ContactForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                contacts.add(id, Inputs.contactKind(form.kind(), "kind"), form.name(), form.note(), form.since());
                redirect.addFlashAttribute("saved", "network.contact.saved");
                return "redirect:/personen/" + id + "/netwerk";
            }
            catch (InvalidInputException ex) {
                ex.errors().forEach(e -> errors.rejectValue(e.field(), e.messageKey()));
            }
        }
        return networkPage(id, model);
    }

    @PostMapping("/personen/{id}/netwerk/contact/{contactId}/beeindigen")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    String endContact(@PathVariable UUID id, @PathVariable UUID contactId, RedirectAttributes redirect) {
        contacts.end(id, contactId, LocalDate.now());
        redirect.addFlashAttribute("saved", "network.contact.ended");
        return "redirect:/personen/" + id + "/netwerk";
    }

    private String networkPage(UUID id, Model model) {
        Resident person = residents.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("person", person);
        model.addAttribute("contacts", contacts.ofPerson(id));
        model.addAttribute("contactCount", contacts.contactCount(id));
        model.addAttribute("requests", requests.ofPerson(id));
        List<Match> personMatches = matches.ofPerson(id);
        model.addAttribute("matches", personMatches);
        model.addAttribute("volunteerNames", volunteerNames(personMatches));
        if (!model.containsAttribute("requestForm")) {
            // The person's own postcode from the file, as a starting point the caseworker
            // can change.
            model.addAttribute("requestForm", new RequestForm("LANGUAGE_BUDDY", null, null, null, List.of(),
                    residents.contact(id).map(Residents.Contact::postcode).orElse(null), null, null));
        }
        if (!model.containsAttribute("contactForm")) {
            model.addAttribute("contactForm", new ContactForm("FRIEND", null, null, null));
        }
        addChoices(model);
        model.addAttribute("contactKinds", ContactKind.values());
        model.addAttribute("rules", settings.current());
        return "network/person";
    }

    // --- the coordinator's worklist ---

    @GetMapping("/netwerk")
    String overview(Model model, Locale locale) {
        List<MatchRequest> open = requests.open(200);
        List<Match> running = matches.running(200);
        List<Match> due = matches.checkInsDue(LocalDate.now());
        Map<UUID, String> names = personNames(open.stream().map(MatchRequest::personId).toList(),
                running.stream().map(Match::personId).toList());
        model.addAttribute("open", open);
        model.addAttribute("running", running);
        model.addAttribute("due", due);
        model.addAttribute("personNames", names);
        model.addAttribute("requestLanguages",
                open.stream()
                    .collect(java.util.stream.Collectors.toMap(MatchRequest::id,
                            r -> String.join(", ", languageNames(r.languages(), locale)), (a, b) -> a)));
        model.addAttribute("volunteerNames", volunteerNames(running));
        model.addAttribute("rules", settings.current());
        model.addAttribute("today", LocalDate.now());
        return "network/overview";
    }

    // --- candidates ---

    @GetMapping("/netwerk/verzoeken/{id}")
    String candidates(@PathVariable UUID id, Model model) {
        MatchRequest request = requests.find(id).orElseThrow(NotFoundException::new);
        Resident person = residents.find(request.personId()).orElseThrow(NotFoundException::new);
        List<Scored> best = request.status() == MatchRequests.Status.OPEN ? matching.candidates(id, 10) : List.of();
        if (request.status() != MatchRequests.Status.OPEN) {
            personNames.shown(List.of(person.id()));
        }
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("request", request);
        model.addAttribute("person", person);
        model.addAttribute("candidates", best);
        model.addAttribute("reasons", reasons(best, locale));
        model.addAttribute("candidateVolunteers", volunteers.findAll(best.stream().map(Scored::volunteerId).toList()));
        model.addAttribute("languageNames", languageNames(request.languages(), locale));
        model.addAttribute("countryNames",
                request.countries().stream().map(c -> IsoCodes.countryName(c, locale)).toList());
        List<Match> requestMatches = matches.ofPerson(person.id())
            .stream()
            .filter(m -> m.requestId().equals(id))
            .toList();
        model.addAttribute("requestMatches", requestMatches);
        model.addAttribute("volunteerNames", volunteerNames(requestMatches));
        model.addAttribute("rules", settings.current());
        model.addAttribute("canPropose", hasRole(Role.VOLUNTEER_COORDINATOR));
        return "network/candidates";
    }

    @PostMapping("/netwerk/verzoeken/{id}/voorstellen")
    @PreAuthorize("hasRole('VOLUNTEER_COORDINATOR')")
    String propose(@PathVariable UUID id, @RequestParam UUID volunteerId, RedirectAttributes redirect) {
        try {
            Match match = matches.propose(id, volunteerId);
            redirect.addFlashAttribute("saved", "network.match.proposed");
            return "redirect:/netwerk/koppelingen/" + match.id();
        }
        catch (ConflictException ex) {
            redirect.addFlashAttribute("problem", ex.messageKey());
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problem", ex.errors().get(0).messageKey());
        }
        return "redirect:/netwerk/verzoeken/" + id;
    }

    @PostMapping("/netwerk/verzoeken/{id}/intrekken")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD', 'VOLUNTEER_COORDINATOR')")
    String withdraw(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            requests.withdraw(id);
            redirect.addFlashAttribute("saved", "network.request.withdrawn");
        }
        catch (ConflictException ex) {
            redirect.addFlashAttribute("problem", ex.messageKey());
        }
        return "redirect:/netwerk/verzoeken/" + id;
    }

    // --- the match page ---

    @GetMapping("/netwerk/koppelingen/{id}")
    String match(@PathVariable UUID id, Model model) {
        return matchPage(id, model);
    }

    @PostMapping("/netwerk/koppelingen/{id}/status")
    @PreAuthorize("hasRole('VOLUNTEER_COORDINATOR')")
    String move(@PathVariable UUID id, @Valid @ModelAttribute("moveForm") MoveForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                matches.move(id, Inputs.status(form.status(), "status"), form.date(), form.reason());
                redirect.addFlashAttribute("saved", "network.match.moved");
                return "redirect:/netwerk/koppelingen/" + id;
            }
            catch (ConflictException ex) {
                errors.reject(ex.messageKey());
            }
            catch (InvalidInputException ex) {
                ex.errors()
                    .forEach(e -> errors.rejectValue(e.field().equals("date") ? "date" : e.field(), e.messageKey()));
            }
        }
        return matchPage(id, model);
    }

    @PostMapping("/netwerk/koppelingen/{id}/logboek")
    @PreAuthorize("hasRole('VOLUNTEER_COORDINATOR')")
    String log(@PathVariable UUID id, @Valid @ModelAttribute("logForm") LogForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        LogKind kind = "CHECK_IN".equals(form.kind()) ? LogKind.CHECK_IN : LogKind.MEETING;
        if (kind == LogKind.MEETING && form.hours() == null && !errors.hasErrors()) {
            errors.rejectValue("hours", "network.log.hours");
        }
        if (!errors.hasErrors()) {
            try {
                matches.log(id, kind, form.heldOn(), form.hours(), form.note());
                redirect.addFlashAttribute("saved", "network.log.saved");
                return "redirect:/netwerk/koppelingen/" + id;
            }
            catch (ConflictException ex) {
                errors.reject(ex.messageKey());
            }
            catch (InvalidInputException ex) {
                ex.errors().forEach(e -> errors.rejectValue(e.field(), e.messageKey()));
            }
        }
        return matchPage(id, model);
    }

    private String matchPage(UUID id, Model model) {
        Match match = matches.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("match", match);
        model.addAttribute("person", residents.find(match.personId()).orElseThrow(NotFoundException::new));
        model.addAttribute("volunteer", volunteers.find(match.volunteerId()).orElseThrow(NotFoundException::new));
        model.addAttribute("entries", matches.entries(id));
        NetworkSettings.Rules rules = settings.current();
        model.addAttribute("rules", rules);
        model.addAttribute("checkInDue", match.checkInDue(rules));
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("next",
                java.util.Arrays.stream(MatchStatus.values()).filter(match.status()::mayMoveTo).toList());
        if (!model.containsAttribute("moveForm")) {
            model.addAttribute("moveForm", new MoveForm(null, LocalDate.now(), null));
        }
        if (!model.containsAttribute("logForm")) {
            model.addAttribute("logForm", new LogForm("MEETING", LocalDate.now(), null, null));
        }
        model.addAttribute("canManage", hasRole(Role.VOLUNTEER_COORDINATOR));
        return "network/match";
    }

    private void addChoices(Model model) {
        model.addAttribute("roles", VolunteerRole.values());
        model.addAttribute("days",
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"));
        model.addAttribute("dayParts", List.of("MORNING", "AFTERNOON", "EVENING"));
        model.addAttribute("genders", Gender.values());
    }

    private Map<UUID, String> volunteerNames(List<Match> list) {
        Map<UUID, String> names = new HashMap<>();
        volunteers.findAll(list.stream().map(Match::volunteerId).distinct().toList())
            .forEach((id, v) -> names.put(id, v.name()));
        return names;
    }

    private Map<UUID, String> personNames(List<UUID> first, List<UUID> second) {
        return personNames.shown(java.util.stream.Stream.concat(first.stream(), second.stream()).toList());
    }

    /**
     * Per candidate and factor, what earned the points in words: language and country
     * names, weekday parts.
     */
    private Map<UUID, Map<String, String>> reasons(List<Scored> best, Locale locale) {
        Map<UUID, Map<String, String>> reasons = new HashMap<>();
        for (Scored scored : best) {
            Map<String, String> perFactor = new HashMap<>();
            for (var points : scored.explanation()) {
                List<String> words = points.because().stream().map(value -> switch (points.factor()) {
                    case LANGUAGE -> IsoCodes.languageName(value, locale);
                    case BACKGROUND -> IsoCodes.countryName(value, locale);
                    case AVAILABILITY -> {
                        WeekdayPart part = WeekdayPart.valueOf(value);
                        yield messages.getMessage("network.day." + part.day(), null, locale) + " "
                                + messages.getMessage("network.part." + part.part(), null, locale).toLowerCase(locale);
                    }
                    case PREFERENCE -> messages.getMessage("gender." + value, null, locale);
                    default -> value;
                }).toList();
                perFactor.put(points.factor().name(), String.join(", ", words));
            }
            reasons.put(scored.volunteerId(), perFactor);
        }
        return reasons;
    }

    private static List<String> languageNames(List<String> codes, Locale locale) {
        return codes.stream().map(c -> IsoCodes.languageName(c, locale)).toList();
    }

    private static boolean hasRole(Role role) {
        return CurrentUser.current().map(u -> u.hasRole(role)).orElse(false);
    }

}
