package nl.meedoen.plans.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.plans.ActionOwner;
import nl.meedoen.plans.Area;
import nl.meedoen.plans.GoalStatus;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.VersionRequiredException;
import nl.meedoen.trajectories.LearningRoute;
import org.jspecify.annotations.Nullable;

/**
 * A person's plan with every version: at most one draft, which changes, and adopted
 * versions, which never change. A change after adoption goes into the next draft, copied
 * from the adopted version. The plan decides which version a change goes into, whether it
 * may be adopted and what a review may record; {@link StoredPlans} writes what it
 * decided. The texts' limits are the plan's too: pages, API and database share them.
 */
public final class PersonalPlan {

    /** Longest description of a goal. */
    public static final int MAX_DESCRIPTION = 1000;

    /** Longest text of an action. */
    public static final int MAX_ACTION = 500;

    /** Longest text of one PIP element. */
    public static final int MAX_PIP_ELEMENT = 2000;

    /** Longest notes of a progress review. */
    public static final int MAX_NOTES = 4000;

    /** Longest reason for dropping a goal. */
    public static final int MAX_REASON = 1000;

    /** The plan itself, with what the trajectories module told of the PIP. */
    public record Plan(UUID id, UUID personId, LocalDate startedOn, @Nullable LocalDate pipAdoptedOn,
            @Nullable LearningRoute learningRoute, @Nullable LocalDate integrationPeriodStart,
            @Nullable LocalDate integrationPeriodEnd, @Nullable LocalDate routeSwitchDeadline) {

        public boolean pip() {
            return pipAdoptedOn != null;
        }
    }

    /** The elements the Wet inburgering 2021 asks a PIP to contain, in plain words. */
    public record PipElements(@Nullable String routeTimeframe, @Nullable String guidanceSupport,
            @Nullable String pvtMapIntensity, @Nullable String vveOptions, @Nullable String ontzorgen,
            @Nullable String preconditions, @Nullable String monitoring) {

        public static final PipElements NONE = new PipElements(null, null, null, null, null, null, null);

        /** The elements by name, in the order of the law, for comparing and printing. */
        public Map<String, @Nullable String> byName() {
            Map<String, @Nullable String> map = new LinkedHashMap<>();
            map.put("routeTimeframe", routeTimeframe);
            map.put("guidanceSupport", guidanceSupport);
            map.put("pvtMapIntensity", pvtMapIntensity);
            map.put("vveOptions", vveOptions);
            map.put("ontzorgen", ontzorgen);
            map.put("preconditions", preconditions);
            map.put("monitoring", monitoring);
            return map;
        }

        /** The elements as stored: stripped, blank as none, none too long. */
        PipElements checked() {
            return new PipElements(Checks.optional(routeTimeframe, "routeTimeframe", MAX_PIP_ELEMENT),
                    Checks.optional(guidanceSupport, "guidanceSupport", MAX_PIP_ELEMENT),
                    Checks.optional(pvtMapIntensity, "pvtMapIntensity", MAX_PIP_ELEMENT),
                    Checks.optional(vveOptions, "vveOptions", MAX_PIP_ELEMENT),
                    Checks.optional(ontzorgen, "ontzorgen", MAX_PIP_ELEMENT),
                    Checks.optional(preconditions, "preconditions", MAX_PIP_ELEMENT),
                    Checks.optional(monitoring, "monitoring", MAX_PIP_ELEMENT));
        }
    }

    /**
     * An action with its progress; {@code progressVersion} is the version of that
     * progress, which marking it done or not done names (0 before it was ever marked).
     */
    public record Action(UUID id, String what, ActionOwner who, @Nullable LocalDate dueOn, @Nullable LocalDate doneOn,
            int progressVersion) {
    }

    /**
     * A goal with its progress; {@code progressVersion} is the version of that progress,
     * which a change of status names.
     */
    public record Goal(UUID id, Area area, String description, @Nullable LocalDate targetDate, GoalStatus status,
            @Nullable String dropReason, List<Action> actions, int progressVersion) {

        Goal changed(Area newArea, String newDescription, @Nullable LocalDate newTarget) {
            return new Goal(id, newArea, newDescription, newTarget, status, dropReason, actions, progressVersion);
        }
    }

    /** One version of a plan: a draft or an adopted version. */
    public record Version(UUID id, int number, boolean adopted, @Nullable LocalDate adoptedOn,
            @Nullable String adoptedBy, PipElements pip, int lockVersion, List<Goal> goals) {

        /** The goals of an area, in the order they were added. */
        public List<Goal> goalsIn(Area area) {
            return goals.stream().filter(g -> g.area() == area).toList();
        }

        /** The goal of this version, or not found. */
        public Goal goal(UUID goalId) {
            return goals.stream().filter(g -> g.id().equals(goalId)).findFirst().orElseThrow(NotFoundException::new);
        }

        boolean hasAction(UUID actionId) {
            return goals.stream().flatMap(g -> g.actions().stream()).anyMatch(a -> a.id().equals(actionId));
        }

        /** An action of this version. */
        public Action action(UUID actionId) {
            return goals.stream()
                .flatMap(g -> g.actions().stream())
                .filter(a -> a.id().equals(actionId))
                .findFirst()
                .orElseThrow(NotFoundException::new);
        }
    }

    /**
     * Where a change goes: the version, and the adopted version it is a new copy of
     * ({@code null} when the draft existed already).
     */
    record Draft(Version version, @Nullable Version copiedFrom) {
    }

    private final Plan plan;

    private final List<Version> versions;

    private final @Nullable LocalDate lastReview;

    private final LocalDate nextReviewDue;

    PersonalPlan(Plan plan, List<Version> versions, @Nullable LocalDate lastReview, PlanSettings.Settings settings) {
        if (versions.isEmpty()) {
            throw new IllegalStateException("a plan has at least one version");
        }
        this.plan = plan;
        this.versions = List.copyOf(versions);
        this.lastReview = lastReview;
        LocalDate firstAdoption = this.versions.stream()
            .filter(Version::adopted)
            .map(Version::adoptedOn)
            .findFirst()
            .orElse(plan.startedOn());
        this.nextReviewDue = settings.nextReviewAfter(lastReview != null ? lastReview : firstAdoption);
    }

    public Plan plan() {
        return plan;
    }

    /** The version to show and to change: the draft, else the last adopted one. */
    public Version version() {
        return versions.get(versions.size() - 1);
    }

    /** Every version, oldest first. */
    public List<Version> versions() {
        return versions;
    }

    public @Nullable LocalDate lastReview() {
        return lastReview;
    }

    /**
     * The next review is due the municipality's interval after the last one, or after the
     * first adoption (the start of the plan before that).
     */
    public LocalDate nextReviewDue() {
        return nextReviewDue;
    }

    public boolean reviewOverdue(LocalDate today) {
        return nextReviewDue.isBefore(today);
    }

    public Optional<Version> lastAdopted() {
        return versions.stream().filter(Version::adopted).reduce((a, b) -> b);
    }

    /**
     * The draft a change goes into: the draft there is, or a new draft copied from the
     * last adopted version. {@code expectedLock}, when given, must name the current state
     * of the plan.
     */
    Draft draft(@Nullable Integer expectedLock) {
        Version latest = version();
        checkLock(latest, expectedLock);
        if (!latest.adopted()) {
            return new Draft(latest, null);
        }
        Version copy = new Version(UUID.randomUUID(), latest.number() + 1, false, null, null, latest.pip(),
                latest.lockVersion() + 1, latest.goals());
        return new Draft(copy, latest);
    }

    /**
     * Adopting the draft on a day: not twice, not without goals, not in the future, not
     * before the plan started nor before an earlier adoption, and only with the lock of
     * the draft the caller saw (412 for another, 428 for none).
     */
    Version adoptable(LocalDate adoptedOn, LocalDate today, @Nullable Integer expectedLock) {
        Version latest = version();
        if (latest.adopted()) {
            throw new ConflictException("plans.adoption.alreadyAdopted");
        }
        checkLock(latest, expectedLock);
        if (latest.goals().isEmpty()) {
            throw new ConflictException("plans.adoption.noGoals");
        }
        Checks.notAfter(adoptedOn, today, "adoptedOn");
        if (adoptedOn.isBefore(plan.startedOn())) {
            throw new InvalidInputException("adoptedOn", "plans.adoption.beforePlan");
        }
        boolean beforePrevious = versions.stream()
            .map(Version::adoptedOn)
            .anyMatch(previous -> previous != null && adoptedOn.isBefore(previous));
        if (beforePrevious) {
            throw new InvalidInputException("adoptedOn", "plans.adoption.beforePrevious");
        }
        if (expectedLock == null) {
            // An adoption is final: it is made only on the draft the caller saw.
            throw new VersionRequiredException();
        }
        return latest;
    }

    /**
     * A progress review's notes, once its date and goal statuses are checked: held
     * between the start of the plan and today, about goals of the plan, and a dropped
     * goal says why in the notes.
     */
    String reviewNotes(LocalDate heldOn, LocalDate today, @Nullable String notes, Map<UUID, GoalStatus> statuses) {
        if (heldOn.isBefore(plan.startedOn())) {
            throw new InvalidInputException("heldOn", "plans.review.beforePlan");
        }
        Checks.notAfter(heldOn, today, "heldOn");
        String text = Checks.optional(notes, "notes", MAX_NOTES);
        String written = text == null ? "" : text;
        List<UUID> known = version().goals().stream().map(Goal::id).toList();
        statuses.forEach((goal, status) -> {
            if (!known.contains(goal)) {
                throw new InvalidInputException("goalStatuses", "plans.review.unknownGoal");
            }
            if (status == GoalStatus.DROPPED && written.isEmpty()) {
                throw new InvalidInputException("notes", "plans.review.dropNeedsNotes");
            }
        });
        return written;
    }

    /** A goal's new status; a dropped goal needs its reason. */
    @Nullable String dropReason(UUID goalId, GoalStatus status, @Nullable String reason) {
        version().goal(goalId);
        return status == GoalStatus.DROPPED ? Checks.required(reason, "reason", MAX_REASON) : null;
    }

    /** An action of the plan marked done on a day that is not in the future. */
    void checkDone(UUID actionId, @Nullable LocalDate doneOn, LocalDate today) {
        if (!version().hasAction(actionId)) {
            throw new NotFoundException();
        }
        if (doneOn != null) {
            Checks.notAfter(doneOn, today, "doneOn");
        }
    }

    private static void checkLock(Version latest, @Nullable Integer expectedLock) {
        if (expectedLock != null && expectedLock != latest.lockVersion()) {
            throw new StaleVersionException();
        }
    }

}
