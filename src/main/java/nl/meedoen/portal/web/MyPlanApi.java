package nl.meedoen.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.plans.OwnPlans;
import nl.meedoen.plans.OwnPlans.Question;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.portal.internal.ResidentFiles;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * My plan over JSON, for the resident: always the logged-in resident's own adopted plan,
 * texts in the portal's language of the request ({@code Accept-Language}).
 */
@RestController
@RequestMapping("/api/v1/my")
@PreAuthorize("hasRole('RESIDENT')")
@Tag(name = "Mijn Meedoen", description = """
        The resident's own portal: the logged-in resident's own file only (role RESIDENT), never another \
        person's. Every read is logged as the data subject's own access (PORTAL_READ).""")
class MyPlanApi {

    record ActionResource(UUID id, String what, String who, @Nullable LocalDate dueOn, boolean done, boolean mine,
            int version) {

        static ActionResource of(PlanView.ActionItem a) {
            return new ActionResource(a.id(), a.what(), a.who(), a.dueOn(), a.done(), a.mine(), a.version());
        }
    }

    record QuestionResource(UUID id, String text, Instant askedAt, @Nullable Instant seenAt) {

        static QuestionResource of(PlanView.QuestionItem q) {
            return new QuestionResource(q.id(), q.text(), q.askedAt(), q.seenAt());
        }
    }

    record GoalResource(UUID id, String area, String areaName, String description, String status, String statusText,
            @Nullable LocalDate targetDate, List<ActionResource> actions, List<QuestionResource> questions) {
    }

    record PlanResource(@Nullable Integer version, List<GoalResource> goals) {
    }

    record DoneRequest(@NotNull(message = "{portal.api.done.required}") @Nullable Boolean done) {
    }

    record QuestionRequest(@Nullable String text) {
    }

    private final ResidentFiles files;

    private final OwnPlans plans;

    private final AuditLog audit;

    MyPlanApi(ResidentFiles files, OwnPlans plans, AuditLog audit) {
        this.files = files;
        this.plans = plans;
        this.audit = audit;
    }

    @ShowsPersonData
    @GetMapping("/plan")
    @Operation(summary = "My plan", description = """
            Residents. The adopted plan (its version number; null and no goals while nothing is adopted): the goals \
            per spearhead or area (area as code and areaName in words) with their status (code, and statusText in \
            plain words), their actions (who carries them out in words, before when, done or not, mine: the \
            resident's own, which the resident marks done; version: the action's progress version for If-Match) and \
            the resident's own wishes and questions with when the caseworker saw them. Never a draft, review notes \
            or internal notes.""")
    PlanResource plan(HttpServletRequest request) {
        UUID person = files.current();
        PlanView view = PlanView.of(plans.adopted(person), PortalLanguage.of(request));
        audit.read(AuditAction.PORTAL_READ, person);
        return new PlanResource(view.adopted() ? view.version() : null,
                view.groups()
                    .stream()
                    .flatMap(g -> g.goals().stream())
                    .map(g -> new GoalResource(g.id(), g.area().name(), g.areaName(), g.description(), g.status(),
                            g.statusText(), g.targetDate(), g.actions().stream().map(ActionResource::of).toList(),
                            g.questions().stream().map(QuestionResource::of).toList()))
                    .toList());
    }

    @PutMapping("/actions/{id}/done")
    @Operation(summary = "Mark my action done", description = """
            Residents. {done: true} marks one of the resident's own actions (mine) of the adopted plan done today, \
            {done: false} not done. If-Match with the action's version is optional (412 when stale). 200 with the \
            action and its new version as the ETag; 403 for an action of the plan that someone else carries out; \
            404 for an action that is not in the resident's adopted plan. Logged as a change of the plan.""")
    ResponseEntity<ActionResource> markDone(@PathVariable UUID id, IfMatch ifMatch,
            @Valid @RequestBody DoneRequest request, HttpServletRequest http) {
        UUID person = files.current();
        int version = plans.markOwnActionDone(person, id, Boolean.TRUE.equals(request.done()), ifMatch.optional());
        Locale locale = PortalLanguage.of(http);
        ActionResource action = plans.adopted(person)
            .stream()
            .flatMap(p -> p.goals().stream())
            .flatMap(g -> g.actions().stream())
            .filter(a -> a.id().equals(id))
            .findFirst()
            .map(a -> ActionResource.of(PlanView.action(a, locale)))
            .orElseThrow(NotFoundException::new);
        return ResponseEntity.ok().eTag(IfMatch.etag(version)).body(action);
    }

    @PostMapping("/goals/{id}/questions")
    @Operation(summary = "Add a wish or a question to a goal of my plan", description = """
            Residents. {text}: at most 1000 characters, not empty (400 otherwise). The caseworker sees it on the \
            plan tab of the file with its date and marks it seen. 201 with the question; 404 for a goal that is not \
            in the resident's adopted plan. Logged as a change of the plan.""")
    ResponseEntity<QuestionResource> ask(@PathVariable UUID id, @RequestBody QuestionRequest request,
            HttpServletRequest http) {
        UUID person = files.current();
        Question question = plans.ask(person, id, request.text() == null ? "" : request.text());
        return ResponseEntity.status(HttpStatus.CREATED)
            .body(QuestionResource.of(PlanView.question(question, PortalLanguage.of(http))));
    }

}
