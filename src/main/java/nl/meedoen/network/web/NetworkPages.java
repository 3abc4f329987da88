package nl.meedoen.network.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.identity.Role;
import nl.meedoen.network.MatchStatus;
import nl.meedoen.network.internal.BuddyMatches;
import nl.meedoen.network.internal.BuddyMatches.LogKind;
import nl.meedoen.network.internal.BuddyMatches.Match;
import nl.meedoen.network.internal.MatchRequests;
import nl.meedoen.network.internal.MatchRequests.MatchRequest;
import nl.meedoen.network.internal.Matching;
import nl.meedoen.network.internal.NetworkSettings;
import nl.meedoen.network.internal.Scoring.Scored;
import nl.meedoen.network.internal.Volunteers;
import nl.meedoen.network.internal.WeekdayPart;
import nl.meedoen.platform.IsoCodes;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
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
 * The coordinator's network pages: the worklist (open requests, running matches,
 * check-ins due), the candidate list with the explanation of each score, and the match
 * page with its log. Caseworkers and team leads read them too.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD', 'VOLUNTEER_COORDINATOR')")
class NetworkPages {

    record MoveForm(@NotNull(message = "{network.match.status.unknown}") @Nullable MatchStatus status,
            @PastOrPresent(message = "{date.future}") @DateTimeFormat(
                    iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            @Size(max = 1000, message = "{field.tooLong}") @Nullable String reason) {
    }

    record LogForm(@Nullable LogKind kind, @NotNull(message = "{network.log.heldOn.required}") @PastOrPresent(
            message = "{date.future}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate heldOn,
            @DecimalMin(value = "0.5", message = "{network.log.hours}") @DecimalMax(value = "24",
                    message = "{network.log.hours}") @Digits(integer = 2, fraction = 1,
                            message = "{network.log.hours}") @Nullable BigDecimal hours,
            @Size(max = 1000, message = "{field.tooLong}") @Nullable String note) {
    }

    private final Residents residents;

    private final MatchRequests requests;

    private final Matching matching;

    private final BuddyMatches matches;

    private final Volunteers volunteers;

    private final NetworkSettings settings;

    private final MessageSource messages;

    private final AuditLog audit;

    private final Clock clock;

    NetworkPages(Residents residents, MatchRequests requests, Matching matching, BuddyMatches matches,
            Volunteers volunteers, NetworkSettings settings, MessageSource messages, AuditLog audit, Clock clock) {
        this.residents = residents;
        this.requests = requests;
        this.matching = matching;
        this.matches = matches;
        this.volunteers = volunteers;
        this.settings = settings;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    // --- the coordinator's worklist ---

    @ShowsPersonData
    @GetMapping("/netwerk")
    String overview(Model model, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        List<MatchRequest> open = requests.open(200);
        List<Match> running = matches.running(200);
        Map<UUID, String> names = new HashMap<>();
        residents
            .findAll(Stream.concat(open.stream().map(MatchRequest::personId), running.stream().map(Match::personId))
                .distinct()
                .toList())
            .forEach(r -> names.put(r.id(), r.name()));
        model.addAttribute("open", open);
        model.addAttribute("running", running);
        model.addAttribute("due", matches.checkInsDue(today));
        model.addAttribute("personNames", names);
        model.addAttribute("requestLanguages",
                open.stream()
                    .collect(Collectors.toMap(MatchRequest::id,
                            r -> String.join(", ", languageNames(r.languages(), locale)), (a, b) -> a)));
        model.addAttribute("volunteerNames", Choices.volunteerNames(volunteers, running));
        model.addAttribute("rules", settings.current());
        model.addAttribute("today", today);
        audit.read(AuditAction.NETWORK_READ, names.keySet());
        return "network/overview";
    }

    // --- candidates ---

    @ShowsPersonData
    @GetMapping("/netwerk/verzoeken/{id}")
    String candidates(@PathVariable UUID id, Model model, Locale locale) {
        MatchRequest request = requests.find(id).orElseThrow(NotFoundException::new);
        Resident person = residents.find(request.personId()).orElseThrow(NotFoundException::new);
        List<Scored> best = request.status() == MatchRequests.Status.OPEN ? matching.rank(request, 10) : List.of();
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
        model.addAttribute("volunteerNames", Choices.volunteerNames(volunteers, requestMatches));
        model.addAttribute("rules", settings.current());
        model.addAttribute("canPropose", Choices.hasRole(Role.VOLUNTEER_COORDINATOR));
        audit.read(AuditAction.NETWORK_READ, person.id());
        return "network/candidates";
    }

    @PostMapping("/netwerk/verzoeken/{id}/voorstellen")
    @PreAuthorize("hasRole('VOLUNTEER_COORDINATOR')")
    String propose(@PathVariable UUID id, @RequestParam UUID volunteerId, RedirectAttributes redirect) {
        UUID[] match = new UUID[1];
        if (Forms.attempt(redirect, "network.match.proposed", () -> match[0] = matches.propose(id, volunteerId).id())) {
            return "redirect:/netwerk/koppelingen/" + match[0];
        }
        return "redirect:/netwerk/verzoeken/" + id;
    }

    @PostMapping("/netwerk/verzoeken/{id}/intrekken")
    String withdraw(@PathVariable UUID id, RedirectAttributes redirect) {
        Forms.attempt(redirect, "network.request.withdrawn", () -> requests.withdraw(id));
        return "redirect:/netwerk/verzoeken/" + id;
    }

    // --- the match page ---

    @ShowsPersonData
    @GetMapping("/netwerk/koppelingen/{id}")
    String match(@PathVariable UUID id, Model model) {
        return matchPage(id, model);
    }

    @PostMapping("/netwerk/koppelingen/{id}/status")
    @PreAuthorize("hasRole('VOLUNTEER_COORDINATOR')")
    String move(@PathVariable UUID id, @Valid @ModelAttribute("moveForm") MoveForm form, BindingResult errors,
            @RequestParam int version, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()
                && Forms.attempt(errors, () -> matches.move(id, form.status(), form.date(), form.reason(), version))) {
            redirect.addFlashAttribute("saved", "network.match.moved");
            return "redirect:/netwerk/koppelingen/" + id;
        }
        return matchPage(id, model);
    }

    @PostMapping("/netwerk/koppelingen/{id}/logboek")
    @PreAuthorize("hasRole('VOLUNTEER_COORDINATOR')")
    String log(@PathVariable UUID id, @Valid @ModelAttribute("logForm") LogForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        LogKind kind = form.kind() == null ? LogKind.MEETING : form.kind();
        if (!errors.hasErrors()
                && Forms.attempt(errors, () -> matches.log(id, kind, form.heldOn(), form.hours(), form.note()))) {
            redirect.addFlashAttribute("saved", "network.log.saved");
            return "redirect:/netwerk/koppelingen/" + id;
        }
        return matchPage(id, model);
    }

    private String matchPage(UUID id, Model model) {
        LocalDate today = LocalDate.now(clock);
        Match match = matches.find(id).orElseThrow(NotFoundException::new);
        List<MatchStatus> next = Arrays.stream(MatchStatus.values()).filter(match.status()::mayMoveTo).toList();
        NetworkSettings.Rules rules = settings.current();
        model.addAttribute("match", match);
        model.addAttribute("person", residents.find(match.personId()).orElseThrow(NotFoundException::new));
        model.addAttribute("volunteer", volunteers.find(match.volunteerId()).orElseThrow(NotFoundException::new));
        model.addAttribute("entries", matches.entries(id));
        model.addAttribute("rules", rules);
        model.addAttribute("checkInDue", match.checkInDue(rules));
        model.addAttribute("today", today);
        model.addAttribute("next", next);
        model.addAttribute("logKinds", LogKind.values());
        Forms.addIfAbsent(model, "moveForm", new MoveForm(next.isEmpty() ? null : next.get(0), today, null));
        Forms.addIfAbsent(model, "logForm", new LogForm(LogKind.MEETING, today, null, null));
        model.addAttribute("canManage", Choices.hasRole(Role.VOLUNTEER_COORDINATOR));
        audit.read(AuditAction.NETWORK_READ, match.personId());
        return "network/match";
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

}
