package nl.meedoen.network.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.network.ContactKind;
import nl.meedoen.network.VolunteerRole;
import nl.meedoen.network.internal.BuddyMatches;
import nl.meedoen.network.internal.BuddyMatches.Match;
import nl.meedoen.network.internal.Contacts;
import nl.meedoen.network.internal.MatchRequests;
import nl.meedoen.network.internal.NetworkSettings;
import nl.meedoen.network.internal.Volunteers;
import nl.meedoen.network.internal.WeekdayPart;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.residents.Gender;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's own network, for caseworkers and team leads: the contacts, the match
 * requests and buddy matches, and the forms to add a contact and to request a buddy.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class PersonNetworkPages {

    record RequestForm(@NotNull(message = "{network.role.unknown}") @Nullable VolunteerRole role,
            @Size(max = 300, message = "{field.tooLong}") @Nullable String languages,
            @Size(max = 300, message = "{field.tooLong}") @Nullable String countries,
            @Size(max = 500, message = "{field.tooLong}") @Nullable String interests,
            @Nullable Set<WeekdayPart> availability, @Nullable String postcode, @Nullable Gender preferredGender,
            @Size(max = 2000, message = "{field.tooLong}") @Nullable String notes) {

        MatchRequests.Draft draft() {
            return new MatchRequests.Draft(role, Inputs.languageCodes(Inputs.split(languages)),
                    Inputs.countryCodes(Inputs.split(countries)), Inputs.split(interests),
                    Inputs.availability(availability), Inputs.blankToNull(postcode), preferredGender, notes);
        }
    }

    record ContactForm(@NotNull(message = "{network.contact.kind.unknown}") @Nullable ContactKind kind,
            @NotBlank(message = "{network.contact.name.required}") @Size(max = 200,
                    message = "{field.tooLong}") @Nullable String name,
            @Size(max = 1000, message = "{field.tooLong}") @Nullable String note,
            @PastOrPresent(message = "{date.future}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate since) {
    }

    private final Residents residents;

    private final Contacts contacts;

    private final MatchRequests requests;

    private final BuddyMatches matches;

    private final Volunteers volunteers;

    private final NetworkSettings settings;

    private final AuditLog audit;

    private final Clock clock;

    PersonNetworkPages(Residents residents, Contacts contacts, MatchRequests requests, BuddyMatches matches,
            Volunteers volunteers, NetworkSettings settings, AuditLog audit, Clock clock) {
        this.residents = residents;
        this.contacts = contacts;
        this.requests = requests;
        this.matches = matches;
        this.volunteers = volunteers;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @ShowsPersonData
    @GetMapping("/personen/{id}/netwerk")
    String network(@PathVariable UUID id, Model model) {
        return page(id, model);
    }

    @PostMapping("/personen/{id}/netwerk/verzoek")
    String request(@PathVariable UUID id, @Valid @ModelAttribute("requestForm") RequestForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        UUID[] created = new UUID[1];
        if (!errors.hasErrors() && Forms.attempt(errors, () -> created[0] = requests.request(id, form.draft()))) {
            redirect.addFlashAttribute("saved", "network.request.saved");
            return "redirect:/netwerk/verzoeken/" + created[0];
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/netwerk/contact")
    String addContact(@PathVariable UUID id, @Valid @ModelAttribute("contactForm") ContactForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && Forms.attempt(errors, () -> contacts.add(id, form.kind(), form.name(), form.note(), form.since()))) {
            redirect.addFlashAttribute("saved", "network.contact.saved");
            return "redirect:/personen/" + id + "/netwerk";
        }
        return page(id, model);
    }

    @PostMapping("/personen/{id}/netwerk/contact/{contactId}/beeindigen")
    String endContact(@PathVariable UUID id, @PathVariable UUID contactId, RedirectAttributes redirect) {
        contacts.end(id, contactId, LocalDate.now(clock));
        redirect.addFlashAttribute("saved", "network.contact.ended");
        return "redirect:/personen/" + id + "/netwerk";
    }

    private String page(UUID id, Model model) {
        Resident person = residents.find(id).orElseThrow(NotFoundException::new);
        model.addAttribute("person", person);
        model.addAttribute("contacts", contacts.ofPerson(id));
        model.addAttribute("contactCount", contacts.contactCount(id));
        model.addAttribute("requests", requests.ofPerson(id));
        List<Match> personMatches = matches.ofPerson(id);
        model.addAttribute("matches", personMatches);
        model.addAttribute("volunteerNames", Choices.volunteerNames(volunteers, personMatches));
        // The person's own postcode from the file, as a starting point the caseworker can
        // change.
        Forms.addIfAbsent(model, "requestForm", new RequestForm(VolunteerRole.LANGUAGE_BUDDY, null, null, null,
                Set.of(), residents.contact(id).map(Residents.Contact::postcode).orElse(null), null, null));
        Forms.addIfAbsent(model, "contactForm", new ContactForm(ContactKind.FRIEND, null, null, null));
        Choices.availability(model);
        model.addAttribute("roles", VolunteerRole.values());
        model.addAttribute("genders", Gender.values());
        model.addAttribute("contactKinds", ContactKind.values());
        model.addAttribute("rules", settings.current());
        audit.read(AuditAction.NETWORK_READ, id);
        return "network/person";
    }

}
