package nl.meedoen.signals.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.residents.Residents;
import nl.meedoen.signals.Severity;
import nl.meedoen.signals.SignalCode;
import nl.meedoen.signals.SignalStatus;
import nl.meedoen.signals.internal.SignalLifecycle;
import nl.meedoen.signals.internal.Worklist;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The worklist: my signals, my team's (team leads), filtered by rule, severity and
 * status, counted per rule, a page at a time; and one signal with what the caseworker can
 * do with it. Every person shown is logged as a read.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class SignalPages {

    private static final int PAGE_SIZE = 25;

    /** A row of the worklist. */
    record Row(Worklist.Signal signal, String personName, String explanation, String href) {
    }

    /** What a caseworker does with a signal. */
    record TransitionForm(@Nullable SignalStatus to, @Nullable String note,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate until, @Nullable Integer version) {
    }

    private final Worklist worklist;

    private final SignalLifecycle lifecycle;

    private final SignalExplanations explanations;

    private final Residents residents;

    private final AuditLog audit;

    private final Clock clock;

    SignalPages(Worklist worklist, SignalLifecycle lifecycle, SignalExplanations explanations, Residents residents,
            AuditLog audit, Clock clock) {
        this.worklist = worklist;
        this.lifecycle = lifecycle;
        this.explanations = explanations;
        this.residents = residents;
        this.audit = audit;
        this.clock = clock;
    }

    @ShowsPersonData

    @GetMapping("/signalen")
    String list(@RequestParam(name = "wie", defaultValue = "ik") String who,
            @RequestParam(name = "regel", required = false) @Nullable SignalCode rule,
            @RequestParam(name = "ernst", required = false) @Nullable Severity severity,
            @RequestParam(name = "status", required = false) @Nullable SignalStatus status,
            @RequestParam(name = "pagina", defaultValue = "0") int pagina, Model model) {
        CurrentUser user = CurrentUser.current().orElseThrow();
        boolean team = "team".equals(who) && user.hasRole(Role.TEAM_LEAD);
        int page = Math.max(0, Math.min(pagina, 10_000));
        Worklist.Filter filter = new Worklist.Filter(team ? Worklist.Scope.TEAM : Worklist.Scope.ME, status, rule,
                severity, false);
        Worklist.Page found = worklist.page(user, filter, page, PAGE_SIZE);
        List<Row> rows = rows(found.items());
        audit.read(AuditAction.SIGNAL_READ,
                found.items().stream().map(Worklist.Signal::personId).filter(Objects::nonNull).distinct().toList());
        int pages = (found.totalItems() + PAGE_SIZE - 1) / PAGE_SIZE;
        UriComponentsBuilder base = UriComponentsBuilder.fromPath("/signalen")
            .queryParam("wie", team ? "team" : "ik")
            .queryParamIfPresent("regel", java.util.Optional.ofNullable(rule))
            .queryParamIfPresent("ernst", java.util.Optional.ofNullable(severity))
            .queryParamIfPresent("status", java.util.Optional.ofNullable(status));
        model.addAttribute("team", team);
        model.addAttribute("rows", rows);
        model.addAttribute("total", found.totalItems());
        model.addAttribute("counts", worklist.countsPerRule(user, filter));
        model.addAttribute("rules", SignalCode.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("statuses", SignalStatus.values());
        model.addAttribute("rule", rule);
        model.addAttribute("severity", severity);
        model.addAttribute("status", status);
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("previous", base.cloneBuilder().queryParam("pagina", page - 1).build().toUriString());
        model.addAttribute("next", base.cloneBuilder().queryParam("pagina", page + 1).build().toUriString());
        return "signals/worklist";
    }

    @ShowsPersonData

    @GetMapping("/signalen/{id}")
    String signal(@PathVariable UUID id, Model model) {
        CurrentUser user = CurrentUser.current().orElseThrow();
        Worklist.Signal signal = worklist.find(user, id).orElseThrow(NotFoundException::new);
        Row row = rows(List.of(signal)).get(0);
        if (signal.personId() != null) {
            audit.read(AuditAction.SIGNAL_READ, signal.personId());
        }
        model.addAttribute("row", row);
        model.addAttribute("today", LocalDate.now(clock));
        return "signals/signal";
    }

    @PostMapping("/signalen/{id}/status")
    String transition(@PathVariable UUID id, @ModelAttribute TransitionForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        CurrentUser user = CurrentUser.current().orElseThrow();
        FieldError until = errors.getFieldError("until");
        if (until != null) {
            // The date that could not be read comes back as typed, with its message on
            // the field.
            model.addAttribute("untilTyped", String.valueOf(until.getRejectedValue()));
            return signal(id, model);
        }
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("problem", "signals.form.invalid");
        }
        else if (form.to() == null) {
            redirect.addFlashAttribute("problem", "signals.transition.to.required");
        }
        else {
            Forms.attempt(redirect, "signals.transition.saved",
                    () -> lifecycle.transition(user, id, form.to(), form.note(), form.until(), form.version()));
        }
        return "redirect:/signalen/" + id;
    }

    private List<Row> rows(List<Worklist.Signal> signals) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<UUID, String> names = residents
            .findAll(signals.stream().map(Worklist.Signal::personId).filter(Objects::nonNull).distinct().toList())
            .stream()
            .collect(Collectors.toMap(Residents.Resident::id, Residents.Resident::name, (a, b) -> a));
        Function<Worklist.Signal, String> name = s -> s.personId() == null ? "" : names.getOrDefault(s.personId(), "—");
        return signals.stream()
            .map(s -> new Row(s, name.apply(s), explanations.explain(s, locale), explanations.href(s)))
            .toList();
    }

}
