package nl.meedoen.network.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsNoPersonData;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.network.VolunteerRole;
import nl.meedoen.network.internal.BuddyMatches;
import nl.meedoen.network.internal.BuddyMatches.Match;
import nl.meedoen.network.internal.ContactSharing;
import nl.meedoen.network.internal.LanguageLevel;
import nl.meedoen.network.internal.NetworkSettings;
import nl.meedoen.network.internal.Volunteers;
import nl.meedoen.network.internal.Volunteers.Draft;
import nl.meedoen.network.internal.Volunteers.Language;
import nl.meedoen.network.internal.Volunteers.Volunteer;
import nl.meedoen.network.internal.WeekdayPart;
import nl.meedoen.platform.IsoCodes;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.residents.Gender;
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
 * The volunteer coordinator's list of volunteers and the form to register or change one.
 */
@Controller
@PreAuthorize("hasRole('VOLUNTEER_COORDINATOR')")
class VolunteerPages {

    /**
     * The form. Languages are typed as {@code ar:NATIVE, nl:FLUENT} (level optional),
     * countries and words as comma-separated text. The names and lengths are the domain's
     * rules ({@link Volunteers}).
     */
    record VolunteerForm(@Nullable String givenName, @Nullable String familyName, @Nullable String organisation,
            @Nullable UUID personId, @Nullable String email, @Nullable String phone, @Nullable String postcode,
            @Nullable String neighbourhood, @Nullable Gender gender,
            @Size(max = 300, message = "{field.tooLong}") @Nullable String languages,
            @Size(max = 300, message = "{field.tooLong}") @Nullable String countries,
            @Size(max = 500, message = "{field.tooLong}") @Nullable String skills,
            @Size(max = 500, message = "{field.tooLong}") @Nullable String interests,
            @Nullable Set<WeekdayPart> availability, @Nullable List<String> roles,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate vogDate,
            @NotNull(message = "{network.volunteer.maxMatches}") @Nullable Integer maxMatches,
            @Nullable String preferences, @Nullable Integer version) {

        static VolunteerForm empty() {
            return new VolunteerForm(null, null, null, null, null, null, null, null, null, null, null, null, null,
                    Set.of(), List.of(), null, 1, null, null);
        }

        static VolunteerForm of(Volunteer v, Locale locale) {
            return new VolunteerForm(v.givenName(), v.familyName(), v.organisation(), v.personId(), v.email(),
                    v.phone(), v.postcode(), v.neighbourhood(), v.gender(),
                    String.join(", ",
                            v.languages()
                                .stream()
                                .map(l -> IsoCodes.languageName(l.code(), locale) + ":" + l.level().name())
                                .toList()),
                    String.join(", ", v.countries().stream().map(c -> IsoCodes.countryName(c, locale)).toList()),
                    String.join(", ", v.skills()), String.join(", ", v.interests()), v.availability(),
                    v.roles().stream().map(Enum::name).toList(), v.vogDate(), v.maxMatches(), v.preferences(),
                    v.version());
        }

        Draft draft() {
            List<Language> languageList = new ArrayList<>();
            for (String part : Inputs.split(languages)) {
                String[] codeAndLevel = part.split(":", 2);
                String level = codeAndLevel.length > 1 ? codeAndLevel[1].strip() : null;
                List<String> code = Inputs.languageCodes(List.of(codeAndLevel[0]));
                languageList.addAll(Inputs.languages(code, level == null ? null : Map.of(code.get(0), level)));
            }
            return new Draft(givenName, familyName, organisation, personId, email, phone, Inputs.blankToNull(postcode),
                    neighbourhood, gender, languageList, Inputs.countryCodes(Inputs.split(countries)),
                    Inputs.split(skills), Inputs.split(interests), Inputs.availability(availability),
                    Inputs.roles(roles), vogDate, maxMatches == null ? 1 : maxMatches, preferences);
        }
    }

    private final Volunteers volunteers;

    private final BuddyMatches matches;

    private final NetworkSettings settings;

    private final Clock clock;

    private final AuditLog audit;

    private final ContactSharing sharing;

    VolunteerPages(Volunteers volunteers, BuddyMatches matches, NetworkSettings settings, Clock clock, AuditLog audit,
            ContactSharing sharing) {
        this.sharing = sharing;
        this.volunteers = volunteers;
        this.matches = matches;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
    }

    @ShowsNoPersonData("volunteers, not persons of the municipality's files")
    @GetMapping("/netwerk/vrijwilligers")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String role, Model model) {
        VolunteerRole wanted = Arrays.stream(VolunteerRole.values())
            .filter(r -> r.name().equals(role))
            .findFirst()
            .orElse(null);
        model.addAttribute("volunteers", volunteers.list(q, wanted, 200));
        model.addAttribute("q", q);
        model.addAttribute("role", wanted == null ? "" : wanted.name());
        model.addAttribute("roles", VolunteerRole.values());
        model.addAttribute("rules", settings.current());
        model.addAttribute("today", LocalDate.now(clock));
        return "network/volunteers";
    }

    @ShowsNoPersonData("an empty form")
    @GetMapping("/netwerk/vrijwilligers/nieuw")
    String newForm(Model model) {
        model.addAttribute("volunteer", VolunteerForm.empty());
        return form(model, null);
    }

    @PostMapping("/netwerk/vrijwilligers/nieuw")
    String register(@Valid @ModelAttribute("volunteer") VolunteerForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        UUID[] created = new UUID[1];
        if (!errors.hasErrors() && Forms.attempt(errors, () -> created[0] = volunteers.register(form.draft()))) {
            redirect.addFlashAttribute("saved", "network.volunteer.saved");
            return "redirect:/netwerk/vrijwilligers/" + created[0];
        }
        return form(model, null);
    }

    @ShowsPersonData
    @GetMapping("/netwerk/vrijwilligers/{id}")
    String edit(@PathVariable UUID id, Model model) {
        Volunteer volunteer = volunteers.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("volunteer", VolunteerForm.of(volunteer, LocaleContextHolder.getLocale()));
        return form(model, volunteer);
    }

    @PostMapping("/netwerk/vrijwilligers/{id}")
    String change(@PathVariable UUID id, @Valid @ModelAttribute("volunteer") VolunteerForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        Volunteer volunteer = volunteers.find(id).orElseThrow(NotFoundException::new);
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> volunteers.change(id, form.version() == null ? -1 : form.version(), form.draft()))) {
            redirect.addFlashAttribute("saved", "network.volunteer.saved");
            return "redirect:/netwerk/vrijwilligers/" + id;
        }
        return form(model, volunteer);
    }

    /**
     * What contact the volunteer agreed to share with the persons matched with them (Mijn
     * Meedoen); unchecked boxes share nothing.
     */
    @PostMapping("/netwerk/vrijwilligers/{id}/contact-delen")
    String share(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean phone,
            @RequestParam(defaultValue = "false") boolean email, @RequestParam int version,
            RedirectAttributes redirect) {
        Forms.attempt(redirect, "network.volunteer.sharingSaved", () -> sharing.change(id, version, phone, email));
        return "redirect:/netwerk/vrijwilligers/" + id;
    }

    @PostMapping("/netwerk/vrijwilligers/{id}/actief")
    String setActive(@PathVariable UUID id, @RequestParam boolean active, RedirectAttributes redirect) {
        volunteers.setActive(id, active);
        redirect.addFlashAttribute("saved", active ? "network.volunteer.resumed" : "network.volunteer.stopped");
        return "redirect:/netwerk/vrijwilligers/" + id;
    }

    private String form(Model model, @Nullable Volunteer volunteer) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("existing", volunteer);
        model.addAttribute("sharing", volunteer == null ? null : sharing.sharing(volunteer.id()));
        model.addAttribute("roles", VolunteerRole.values());
        Choices.availability(model);
        model.addAttribute("genders", Gender.values());
        model.addAttribute("levels", LanguageLevel.values());
        model.addAttribute("rules", settings.current());
        model.addAttribute("today", LocalDate.now(clock));
        if (volunteer != null) {
            List<Match> linked = matches.ofVolunteer(volunteer.id());
            model.addAttribute("matches", linked);
            audit.read(AuditAction.NETWORK_READ, linked.stream().map(Match::personId).toList());
            model.addAttribute("languageNames",
                    volunteer.languages().stream().map(l -> IsoCodes.languageName(l.code(), locale)).toList());
        }
        return "network/volunteer";
    }

}
