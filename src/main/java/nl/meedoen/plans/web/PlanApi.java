package nl.meedoen.plans.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.plans.ActionOwner;
import nl.meedoen.plans.Area;
import nl.meedoen.plans.GoalStatus;
import nl.meedoen.plans.internal.PersonalPlans;
import nl.meedoen.plans.internal.PersonalPlans.Action;
import nl.meedoen.plans.internal.PersonalPlans.Current;
import nl.meedoen.plans.internal.PersonalPlans.Goal;
import nl.meedoen.plans.internal.PersonalPlans.PipElements;
import nl.meedoen.plans.internal.PersonalPlans.ReviewRecord;
import nl.meedoen.plans.internal.PersonalPlans.Version;
import nl.meedoen.plans.internal.PlanDiff;
import nl.meedoen.plans.internal.PlanLetter;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.VersionRequiredException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's personal plan over JSON, for caseworkers and team leads. The plan's
 * {@code ETag} names one state of it; changes accept it in {@code If-Match} (and refuse a
 * stale one with 412), and the PUTs require it.
 */
@RestController
@RequestMapping("/api/v1/persons/{personId}")
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class PlanApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record GoalRequest(@Nullable String area, @Nullable String description, @Nullable LocalDate targetDate) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ActionRequest(@Nullable String what, @Nullable String who, @Nullable LocalDate dueOn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatusRequest(@Nullable String status, @Nullable String reason) {
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
    record ActionResource(UUID id, String what, String who, @Nullable LocalDate dueOn, @Nullable LocalDate doneOn) {

        static ActionResource of(Action a) {
            return new ActionResource(a.id(), a.what(), a.who().name(), a.dueOn(), a.doneOn());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GoalResource(UUID id, String area, String description, @Nullable LocalDate targetDate, String status,
            @Nullable String dropReason, List<ActionResource> actions) {

        static GoalResource of(Goal g) {
            return new GoalResource(g.id(), g.area().name(), g.description(), g.targetDate(), g.status().name(),
                    g.dropReason(), g.actions().stream().map(ActionResource::of).toList());
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
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VersionResource(int version, String status, @Nullable LocalDate adoptedOn, @Nullable String adoptedBy,
            List<GoalResource> goals, PipElements pip, List<PlanDiff.Change> changes) {
    }

    record Adopted(int version, LocalDate adoptedOn) {
    }

    record ReviewResource(UUID id, LocalDate heldOn, String notes, LocalDate nextReviewDue, String recordedBy,
            Map<UUID, String> goalStatuses) {

        static ReviewResource of(ReviewRecord r) {
            Map<UUID, String> statuses = new LinkedHashMap<>();
            r.goalStatuses().forEach((k, v) -> statuses.put(k, v.name()));
            return new ReviewResource(r.id(), r.heldOn(), r.notes(), r.nextReviewDue(), r.recordedBy(), statuses);
        }
    }

    record Items<T>(List<T> items) {
    }

    private final PersonalPlans plans;

    private final PlanLetter letter;

    PlanApi(PersonalPlans plans, PlanLetter letter) {
        this.plans = plans;
        this.letter = letter;
    }

    @GetMapping("/plan")
    ResponseEntity<PlanResource> plan(@PathVariable UUID personId) {
        Current current = plans.find(personId).orElseThrow(NotFoundException::new);
        return ResponseEntity.ok().eTag(etag(current.version())).body(resource(current));
    }

    @GetMapping("/plan/versions")
    Items<VersionResource> versions(@PathVariable UUID personId) {
        Current current = plans.find(personId).orElseThrow(NotFoundException::new);
        List<Version> all = new java.util.ArrayList<>(current.history());
        all.add(current.version());
        List<VersionResource> items = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Version v = all.get(i);
            items.add(new VersionResource(v.number(), v.adopted() ? "ADOPTED" : "DRAFT", v.adoptedOn(), v.adoptedBy(),
                    v.goals().stream().map(GoalResource::of).toList(), v.pip(),
                    PlanDiff.between(i == 0 ? null : all.get(i - 1), v)));
        }
        return new Items<>(items);
    }

    @PostMapping("/plan/goals")
    ResponseEntity<GoalResource> addGoal(@PathVariable UUID personId, @RequestBody GoalRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Goal goal = plans.addGoal(personId, area(request.area()), text(request.description(), "description"),
                request.targetDate(), lock(ifMatch));
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/plan/goals/" + goal.id()))
            .body(GoalResource.of(goal));
    }

    @PutMapping("/plan/goals/{goalId}")
    GoalResource changeGoal(@PathVariable UUID personId, @PathVariable UUID goalId, @RequestBody GoalRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        int lock = requiredLock(ifMatch);
        return GoalResource.of(plans.changeGoal(personId, goalId, area(request.area()),
                text(request.description(), "description"), request.targetDate(), lock));
    }

    @PostMapping("/plan/goals/{goalId}/actions")
    ResponseEntity<ActionResource> addAction(@PathVariable UUID personId, @PathVariable UUID goalId,
            @RequestBody ActionRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Action action = plans.addAction(personId, goalId, text(request.what(), "what"), owner(request.who()),
                request.dueOn(), lock(ifMatch));
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/plan/actions/" + action.id()))
            .body(ActionResource.of(action));
    }

    @PutMapping("/plan/goals/{goalId}/status")
    ResponseEntity<Void> changeStatus(@PathVariable UUID personId, @PathVariable UUID goalId,
            @RequestBody StatusRequest request) {
        plans.changeStatus(personId, goalId, status(request.status(), "status"), request.reason());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/plan/actions/{actionId}/done")
    ResponseEntity<Void> markDone(@PathVariable UUID personId, @PathVariable UUID actionId,
            @RequestBody DoneRequest request) {
        plans.markDone(personId, actionId, request.doneOn());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/plan/pip")
    ResponseEntity<PlanResource> changePip(@PathVariable UUID personId, @RequestBody PipElements elements,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        plans.changePip(personId, elements, requiredLock(ifMatch));
        return plan(personId);
    }

    @PostMapping("/plan/adoption")
    Adopted adopt(@PathVariable UUID personId, @Valid @RequestBody AdoptionRequest request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        Version version = plans.adopt(personId, request.adoptedOn(), lock(ifMatch));
        return new Adopted(version.number(), version.adoptedOn());
    }

    @PostMapping("/reviews")
    ResponseEntity<ReviewResource> review(@PathVariable UUID personId, @Valid @RequestBody ReviewRequest request) {
        Map<UUID, GoalStatus> statuses = new LinkedHashMap<>();
        if (request.goalStatuses() != null) {
            request.goalStatuses().forEach((goal, status) -> {
                UUID id;
                try {
                    id = UUID.fromString(goal);
                }
                catch (IllegalArgumentException ex) {
                    throw new InvalidInputException("goalStatuses", "plans.review.unknownGoal");
                }
                statuses.put(id, status(status, "goalStatuses"));
            });
        }
        ReviewRecord review = plans.review(personId, request.heldOn(), request.notes(), statuses);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/reviews/" + review.id()))
            .body(ReviewResource.of(review));
    }

    @GetMapping("/reviews")
    Items<ReviewResource> reviews(@PathVariable UUID personId) {
        plans.find(personId).orElseThrow(NotFoundException::new);
        return new Items<>(plans.reviews(personId).stream().map(ReviewResource::of).toList());
    }

    @GetMapping(path = "/plan.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable UUID personId) {
        byte[] pdf = letter.render(personId, LocalDate.now());
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.inline().filename("plan.pdf").build().toString())
            .body(pdf);
    }

    static PlanResource resource(Current c) {
        Version v = c.version();
        PersonalPlans.Plan p = c.plan();
        return new PlanResource(p.personId(), v.number(), v.adopted() ? "ADOPTED" : "DRAFT", v.adoptedOn(),
                v.adoptedBy(), p.startedOn(), v.goals().stream().map(GoalResource::of).toList(),
                new PipResource(p.pipAdoptedOn(), p.learningRoute() == null ? null : p.learningRoute().name(),
                        p.integrationPeriodStart(), p.integrationPeriodEnd(), p.routeSwitchDeadline(), v.pip()),
                c.lastReview(), c.nextReviewDue(), c.reviewOverdue(LocalDate.now()));
    }

    static String etag(Version version) {
        return "\"" + version.lockVersion() + "\"";
    }

    static @Nullable Integer lock(@Nullable String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : requiredLock(ifMatch);
    }

    static int requiredLock(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new VersionRequiredException();
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        try {
            return Integer.parseInt(tag.replace("\"", ""));
        }
        catch (NumberFormatException ex) {
            throw new StaleVersionException();
        }
    }

    static String text(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "plans." + field + ".required");
        }
        return value;
    }

    static Area area(@Nullable String value) {
        return parse(Area.class, value, "area", "plans.area.unknown");
    }

    static ActionOwner owner(@Nullable String value) {
        return parse(ActionOwner.class, value, "who", "plans.who.unknown");
    }

    static GoalStatus status(@Nullable String value, String field) {
        return parse(GoalStatus.class, value, field, "plans.status.unknown");
    }

    static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value, String field, String key) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException(field, key);
        }
    }

}
