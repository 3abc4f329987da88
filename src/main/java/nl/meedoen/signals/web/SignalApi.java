package nl.meedoen.signals.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.signals.Severity;
import nl.meedoen.signals.SignalCode;
import nl.meedoen.signals.SignalStatus;
import nl.meedoen.signals.internal.Evaluation;
import nl.meedoen.signals.internal.NightlyEvaluation;
import nl.meedoen.signals.internal.SignalLifecycle;
import nl.meedoen.signals.internal.Worklist;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The worklist of signals over JSON: list, transitions, and the evaluation on demand. */
@RestController
@RequestMapping("/api/v1/signals")
@Tag(name = "Signals", description = """
        Early signalling: signals raised by the rules (codes as in GET /api/v1/signal-settings), once per person, \
        rule and occasion, closing by themselves when their condition no longer holds. Each explains itself in \
        words with the facts and the threshold, and links to the tab where the caseworker acts.""")
class SignalApi {

    /** Whose signals: the caller's own or the team's. */
    enum Owner {

        me, team

    }

    record SignalResource(UUID id, @Nullable UUID personId, @Nullable UUID outreachReportId, SignalCode rule,
            Severity severity, LocalDate since, SignalStatus status, String explanation, String href,
            @Nullable LocalDate snoozedUntil, @Nullable String note, boolean resolvedByItself, int version) {
    }

    record SignalList(List<SignalResource> items, int totalItems) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TransitionRequest(@NotNull(message = "{signals.transition.to.required}") @Nullable SignalStatus to,
            @Nullable String note, @Nullable LocalDate until) {
    }

    record EvaluationResult(int evaluatedPersons, int raised, int resolved) {
    }

    private final Worklist worklist;

    private final SignalLifecycle lifecycle;

    private final NightlyEvaluation evaluation;

    private final SignalExplanations explanations;

    private final AuditLog audit;

    SignalApi(Worklist worklist, SignalLifecycle lifecycle, NightlyEvaluation evaluation,
            SignalExplanations explanations, AuditLog audit) {
        this.worklist = worklist;
        this.lifecycle = lifecycle;
        this.evaluation = evaluation;
        this.explanations = explanations;
        this.audit = audit;
    }

    @ShowsPersonData

    @GetMapping
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    @Operation(summary = "The caller's signals",
            description = "Caseworkers and team leads. owner=me (default) lists the signals of the persons whose "
                    + "caseworker the caller is; owner=team (team leads only, 403 otherwise) those of the team, "
                    + "including outreach reports. status (default: OPEN and ACKNOWLEDGED), rule and severity "
                    + "filter; snoozed=true includes signals snoozed until a later day. Most severe first, page "
                    + "(from 0) of size (1–100, default 25). Every person shown is logged as a read.")
    SignalList list(@RequestParam(required = false) @Nullable SignalStatus status,
            @RequestParam(required = false) @Nullable SignalCode rule,
            @RequestParam(required = false) @Nullable Severity severity, @RequestParam(defaultValue = "me") Owner owner,
            @RequestParam(defaultValue = "false") boolean snoozed, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size) {
        CurrentUser user = CurrentUser.current().orElseThrow();
        if (owner == Owner.team && !user.hasRole(Role.TEAM_LEAD)) {
            throw new AccessDeniedException("team");
        }
        if (page < 0 || page > 100_000) {
            throw new InvalidInputException("page", "signals.page.invalid");
        }
        if (size < 1 || size > 100) {
            throw new InvalidInputException("size", "signals.size.invalid");
        }
        Worklist.Page found = worklist.page(user,
                new Worklist.Filter(owner == Owner.me ? Worklist.Scope.ME : Worklist.Scope.TEAM, status, rule, severity,
                        snoozed),
                page, size);
        audit.read(AuditAction.SIGNAL_READ,
                found.items().stream().map(Worklist.Signal::personId).filter(Objects::nonNull).distinct().toList());
        return new SignalList(found.items().stream().map(this::resource).toList(), found.totalItems());
    }

    @PostMapping("/{id}/transitions")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
    @Operation(summary = "Acknowledge, snooze, resolve or dismiss a signal",
            description = "Caseworkers and team leads, on a signal they see (404 otherwise). to is ACKNOWLEDGED "
                    + "(with until, a later day: snoozed until then), RESOLVED (with an optional note) or DISMISSED "
                    + "(a reason in note is required: 400 without). OPEN → ACKNOWLEDGED → RESOLVED or DISMISSED; any "
                    + "other step, and any step from a closed signal, is a 409. If-Match is optional: a stale "
                    + "version answers 412. Answers the signal with its new version as ETag.")
    ResponseEntity<SignalResource> transition(@PathVariable UUID id, IfMatch ifMatch,
            @Valid @RequestBody TransitionRequest request) {
        CurrentUser user = CurrentUser.current().orElseThrow();
        Worklist.Signal signal = lifecycle.transition(user, id, Objects.requireNonNull(request.to()), request.note(),
                request.until(), ifMatch.optional());
        if (signal.personId() != null) {
            audit.read(AuditAction.SIGNAL_READ, signal.personId());
        }
        return ResponseEntity.ok().eTag(IfMatch.etag(signal.version())).body(resource(signal));
    }

    @PostMapping("/evaluation")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Evaluate every rule now",
            description = "Administrators only. Runs the full evaluation of the nightly job for the caller's "
                    + "municipality now: raises what fires anew (never twice per person, rule and occasion) and "
                    + "resolves by itself what no longer holds. Answers the number of persons evaluated and of "
                    + "signals raised and resolved.")
    EvaluationResult evaluate() {
        Evaluation.Outcome outcome = evaluation.current(NightlyEvaluation.Trigger.ADMIN);
        return new EvaluationResult(outcome.evaluatedPersons(), outcome.raised(), outcome.resolved());
    }

    private SignalResource resource(Worklist.Signal s) {
        return new SignalResource(s.id(), s.personId(), s.outreachReportId(), s.rule(), s.severity(), s.since(),
                s.status(), explanations.explain(s, LocaleContextHolder.getLocale()), explanations.href(s),
                s.snoozedUntil(), s.note(), s.resolvedByItself(), s.version());
    }

}
