package nl.meedoen.plans.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.plans.ActionOwner;
import nl.meedoen.plans.Area;
import nl.meedoen.plans.GoalStatus;
import nl.meedoen.plans.internal.PersonalPlan;
import nl.meedoen.plans.internal.PersonalPlan.Action;
import nl.meedoen.plans.internal.PersonalPlan.Goal;
import nl.meedoen.plans.internal.PersonalPlan.PipElements;
import nl.meedoen.plans.internal.PersonalPlan.Plan;
import nl.meedoen.plans.internal.PersonalPlan.Version;
import nl.meedoen.plans.internal.PersonalPlans;
import nl.meedoen.plans.internal.PlanDiff;
import nl.meedoen.plans.internal.PlanLetter;
import nl.meedoen.plans.internal.Review;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.web.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
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
 * A person's personal plan over JSON. The plan's {@code ETag} names one state of it;
 * changes accept it in {@code If-Match} (a stale one is 412), and the PUTs require it
 * (428 without).
 */
@RestController
@RequestMapping("/api/v1/persons/{personId}")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
@Tag(name = "Plans", description = """
        The personal plan of a person: goals per spearhead (language, norms and values, knowing the living \
        environment, own network) and provision domain with their actions, adopted in versions that never change \
        afterwards, the PIP parts, and progress reviews at the municipality's interval. For caseworkers and team \
        leads of the person's municipality; another municipality's person is 404. Errors are problem details; a \
        broken rule is 400 with errors[{field, message}] in Dutch.""")
class PlanApi {

    private static final String LOCKING = " The ETag of GET /plan names the plan's state: send it in If-Match;"
            + " a stale one is 412.";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GoalRequest(@NotNull(message = "{typeMismatch.nl.meedoen.plans.Area}") @Nullable Area area,
            @Nullable String description, @Nullable LocalDate targetDate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ActionRequest(@Nullable String what,
            @NotNull(message = "{typeMismatch.nl.meedoen.plans.ActionOwner}") @Nullable ActionOwner who,
            @Nullable LocalDate dueOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatusRequest(@NotNull(message = "{typeMismatch.nl.meedoen.plans.GoalStatus}") @Nullable GoalStatus status,
            @Nullable String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DoneRequest(@Nullable LocalDate doneOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AdoptionRequest(@NotNull(message = "{plans.adoptedOn.required}") @Nullable LocalDate adoptedOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ReviewRequest(@NotNull(message = "{plans.heldOn.required}") @Nullable LocalDate heldOn,
            @Nullable String notes, @Nullable Map<String, String> goalStatuses) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ActionResource(UUID id, String what, String who, @Nullable LocalDate dueOn, @Nullable LocalDate doneOn,
            int progressVersion) {

        static ActionResource of(Action a) {
            return new ActionResource(a.id(), a.what(), a.who().name(), a.dueOn(), a.doneOn(), a.progressVersion());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GoalResource(UUID id, String area, String description, @Nullable LocalDate targetDate, String status,
            @Nullable String dropReason, List<ActionResource> actions, int progressVersion) {

        static GoalResource of(Goal g) {
            return new GoalResource(g.id(), g.area().name(), g.description(), g.targetDate(), g.status().name(),
                    g.dropReason(), g.actions().stream().map(ActionResource::of).toList(), g.progressVersion());
        }

        static List<GoalResource> of(Version v) {
            return v.goals().stream().map(GoalResource::of).toList();
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PipResource(@Nullable LocalDate adoptedOn, @Nullable String learningRoute,
            @Nullable LocalDate integrationPeriodStart, @Nullable LocalDate integrationPeriodEnd,
            @Nullable LocalDate routeSwitchDeadline, PipElements elements) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlanResource(UUID personId, int version, String status, @Nullable LocalDate adoptedOn,
            @Nullable String adoptedBy, LocalDate startedOn, List<GoalResource> goals, PipResource pip,
            @Nullable LocalDate lastReview, LocalDate nextReviewDue, boolean reviewOverdue) {

        static PlanResource of(PersonalPlan c, LocalDate today) {
            Version v = c.version();
            Plan p = c.plan();
            return new PlanResource(p.personId(), v.number(), PlanApi.status(v), v.adoptedOn(), v.adoptedBy(),
                    p.startedOn(), GoalResource.of(v),
                    new PipResource(p.pipAdoptedOn(), p.learningRoute() == null ? null : p.learningRoute().name(),
                            p.integrationPeriodStart(), p.integrationPeriodEnd(), p.routeSwitchDeadline(), v.pip()),
                    c.lastReview(), c.nextReviewDue(), c.reviewOverdue(today));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VersionResource(int version, String status, @Nullable LocalDate adoptedOn, @Nullable String adoptedBy,
            List<GoalResource> goals, PipElements pip, List<PlanDiff.Change> changes) {
    }

    record Adopted(int version, LocalDate adoptedOn) {
    }

    record ReviewResource(UUID id, LocalDate heldOn, String notes, LocalDate nextReviewDue, String recordedBy,
            Map<UUID, String> goalStatuses) {

        static ReviewResource of(Review r) {
            Map<UUID, String> statuses = new LinkedHashMap<>();
            r.goalStatuses().forEach((k, v) -> statuses.put(k, v.name()));
            return new ReviewResource(r.id(), r.heldOn(), r.notes(), r.nextReviewDue(), r.recordedBy(), statuses);
        }
    }

    record Items<T>(List<T> items) {
    }

    private final PersonalPlans plans;

    private final PlanLetter letter;

    private final AuditLog audit;

    private final Clock clock;

    PlanApi(PersonalPlans plans, PlanLetter letter, AuditLog audit, Clock clock) {
        this.plans = plans;
        this.letter = letter;
        this.audit = audit;
        this.clock = clock;
    }

    @ShowsPersonData
    @GetMapping("/plan")
    @Operation(summary = "The person's plan as it stands", description = """
            The draft, else the last adopted version: its number and status (DRAFT or ADOPTED), the goals with their \
            actions and progress, the PIP parts, the last review and when the next is due. The ETag names this state \
            of the plan, for If-Match on a change. 404 when the person has no plan (yet).""")
    ResponseEntity<PlanResource> plan(@PathVariable UUID personId) {
        PersonalPlan current = read(personId).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok()
            .eTag(IfMatch.etag(current.version().lockVersion()))
            .body(PlanResource.of(current, LocalDate.now(clock)));
    }

    @ShowsPersonData
    @GetMapping("/plan/versions")
    @Operation(summary = "Every version of the plan",
            description = "Oldest first, each with its goals, its PIP parts and what changed from the version before.")
    Items<VersionResource> versions(@PathVariable UUID personId) {
        PersonalPlan current = read(personId).orElseThrow(NotFoundException::new);
        List<Version> all = current.versions();
        List<VersionResource> items = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Version v = all.get(i);
            items.add(new VersionResource(v.number(), status(v), v.adoptedOn(), v.adoptedBy(), GoalResource.of(v),
                    v.pip(), PlanDiff.between(i == 0 ? null : all.get(i - 1), v)));
        }
        return new Items<>(items);
    }

    @PostMapping("/plan/goals")
    @Operation(summary = "Add a goal", description = """
            {area, description, targetDate?}: the goal goes into the draft; the first goal starts the plan, and a goal \
            after adoption starts the next draft, a copy of the adopted version. The description is required, at most \
            1000 characters; an unknown area is 400.""" + LOCKING + " If-Match is optional here.")
    ResponseEntity<GoalResource> addGoal(@PathVariable UUID personId, @Valid @RequestBody GoalRequest request,
            IfMatch ifMatch) {
        Goal goal = plans.addGoal(personId, request.area(), request.description(), request.targetDate(),
                ifMatch.optional());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/plan/goals/" + goal.id()))
            .body(GoalResource.of(goal));
    }

    @PutMapping("/plan/goals/{goalId}")
    @Operation(summary = "Change a goal", description = """
            {area, description, targetDate?} of a goal of the draft (after adoption: of the next draft).""" + LOCKING
            + " If-Match is required: 428 without.")
    GoalResource changeGoal(@PathVariable UUID personId, @PathVariable UUID goalId,
            @Valid @RequestBody GoalRequest request, IfMatch ifMatch) {
        int lock = ifMatch.required();
        return GoalResource
            .of(plans.changeGoal(personId, goalId, request.area(), request.description(), request.targetDate(), lock));
    }

    @PostMapping("/plan/goals/{goalId}/actions")
    @Operation(summary = "Add an action to a goal", description = """
            {what, who, dueOn?}: who is PERSON, CASEWORKER, PARTNER or VOLUNTEER; what is required, at most 500 \
            characters.""" + LOCKING + " If-Match is optional here.")
    ResponseEntity<ActionResource> addAction(@PathVariable UUID personId, @PathVariable UUID goalId,
            @Valid @RequestBody ActionRequest request, IfMatch ifMatch) {
        Action action = plans.addAction(personId, goalId, request.what(), request.who(), request.dueOn(),
                ifMatch.optional());
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/plan/actions/" + action.id()))
            .body(ActionResource.of(action));
    }

    @PutMapping("/plan/goals/{goalId}/status")
    @Operation(summary = "Record a goal's progress", description = """
            {status, reason?}: OPEN, ON_TRACK, AT_RISK, ACHIEVED or DROPPED; a dropped goal needs its reason (at most \
            1000 characters). Progress is kept beside the versions: it changes no version of the plan, but has its \
            own: send the goal's progressVersion (from GET /plan) in If-Match (428 without, 412 when stale). 204 \
            with the new progress version as the ETag.""")
    ResponseEntity<Void> changeStatus(@PathVariable UUID personId, @PathVariable UUID goalId, IfMatch ifMatch,
            @Valid @RequestBody StatusRequest request) {
        int progress = plans.changeStatus(personId, goalId, request.status(), request.reason(), ifMatch.optional());
        return ResponseEntity.noContent().eTag(IfMatch.etag(progress)).build();
    }

    @PutMapping("/plan/actions/{actionId}/done")
    @Operation(summary = "Mark an action done or not done",
            description = "{doneOn}: the day it was done, not in the future; null marks it not done. Send the "
                    + "action's progressVersion (from GET /plan) in If-Match (428 without, 412 when stale). 204 with "
                    + "the new progress version as the ETag.")
    ResponseEntity<Void> markDone(@PathVariable UUID personId, @PathVariable UUID actionId, IfMatch ifMatch,
            @RequestBody DoneRequest request) {
        int progress = plans.markDone(personId, actionId, request.doneOn(), ifMatch.optional());
        return ResponseEntity.noContent().eTag(IfMatch.etag(progress)).build();
    }

    @PutMapping("/plan/pip")
    @Operation(summary = "Record the PIP parts in the draft", description = """
            The elements the Wet inburgering 2021 asks a PIP to contain (routeTimeframe, guidanceSupport, \
            pvtMapIntensity, vveOptions, ontzorgen, preconditions, monitoring), each at most 2000 characters. Answers \
            the plan with its new ETag.""" + LOCKING + " If-Match is required: 428 without.")
    ResponseEntity<PlanResource> changePip(@PathVariable UUID personId, @RequestBody PipElements elements,
            IfMatch ifMatch) {
        plans.changePip(personId, elements, ifMatch.required());
        return plan(personId);
    }

    @PostMapping("/plan/adoption")
    @Operation(summary = "Adopt the draft", description = """
            {adoptedOn}: not in the future, not before the plan started nor before an earlier adoption. From then on \
            the version never changes (the database refuses it too). Adopting an adopted version or a plan without \
            goals is 409. Answers {version, adoptedOn}.""" + LOCKING + " If-Match is required: 428 without.")
    Adopted adopt(@PathVariable UUID personId, @Valid @RequestBody AdoptionRequest request, IfMatch ifMatch) {
        Version version = plans.adopt(personId, request.adoptedOn(), ifMatch.optional());
        return new Adopted(version.number(), version.adoptedOn());
    }

    @PostMapping("/reviews")
    @Operation(summary = "Record a progress review", description = """
            {heldOn, notes, goalStatuses: {goalId: status}}: held between the start of the plan and today, notes at \
            most 4000 characters (required to drop a goal), statuses of goals of the plan. Answers 201 with \
            nextReviewDue, the municipality's interval after it.""")
    ResponseEntity<ReviewResource> review(@PathVariable UUID personId, @Valid @RequestBody ReviewRequest request) {
        Map<UUID, GoalStatus> statuses = Choices
            .goalStatuses(request.goalStatuses() == null ? Map.of() : request.goalStatuses());
        Review review = plans.review(personId, request.heldOn(), request.notes(), statuses);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/reviews/" + review.id()))
            .body(ReviewResource.of(review));
    }

    @ShowsPersonData
    @GetMapping("/reviews")
    @Operation(summary = "The progress reviews of the plan", description = "Latest first. 404 without a plan.")
    Items<ReviewResource> reviews(@PathVariable UUID personId) {
        PersonalPlan current = read(personId).orElseThrow(NotFoundException::new);
        return new Items<>(plans.reviews(current).stream().map(ReviewResource::of).toList());
    }

    @ShowsPersonData
    @GetMapping(path = "/plan.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The plan as a letter (PDF)", description = """
            The last adopted version in plain Dutch (a draft marked as such when nothing is adopted yet); for a PIP a \
            decision letter that says how to object. 404 without a plan.""")
    ResponseEntity<byte[]> pdf(@PathVariable UUID personId) {
        byte[] pdf = letter.render(personId);
        audit.read(AuditAction.PLAN_READ, personId);
        return Letters.inline(pdf);
    }

    /**
     * The person's plan, if there is one; logs the read, also when there is none to show.
     */
    private Optional<PersonalPlan> read(UUID personId) {
        Optional<PersonalPlan> current = plans.find(personId);
        audit.read(AuditAction.PLAN_READ, personId);
        return current;
    }

    private static String status(Version v) {
        return v.adopted() ? "ADOPTED" : "DRAFT";
    }

}
