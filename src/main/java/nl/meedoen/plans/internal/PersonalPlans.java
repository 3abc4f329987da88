package nl.meedoen.plans.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.plans.ActionOwner;
import nl.meedoen.plans.Area;
import nl.meedoen.plans.GoalStatus;
import nl.meedoen.plans.PlanGoalAdded;
import nl.meedoen.plans.PlanReviewRecorded;
import nl.meedoen.plans.PlanStarted;
import nl.meedoen.plans.PlanVersionAdopted;
import nl.meedoen.plans.internal.PersonalPlan.Action;
import nl.meedoen.plans.internal.PersonalPlan.Draft;
import nl.meedoen.plans.internal.PersonalPlan.Goal;
import nl.meedoen.plans.internal.PersonalPlan.PipElements;
import nl.meedoen.plans.internal.PersonalPlan.Plan;
import nl.meedoen.plans.internal.PersonalPlan.Version;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Seeding;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Residents;
import nl.meedoen.trajectories.LearningRoute;
import nl.meedoen.trajectories.PipDecisions;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.VersionRequiredException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personal plans of the persons of the current municipality: loads the
 * {@link PersonalPlan}, lets it decide, stores what it decided and logs the change with
 * the person in the same transaction. Progress (each goal's status, each action done) is
 * kept beside the versions, so a review does not rewrite what was agreed. What happened
 * is published as a past-tense event in the same transaction ({@code PlanStarted},
 * {@code PlanGoalAdded}, {@code PlanVersionAdopted}, {@code PlanReviewRecorded}), so
 * listeners such as early signalling see it once it is committed.
 */
@Service
public class PersonalPlans {

    private final StoredPlans stored;

    private final Residents residents;

    private final PlanSettings settings;

    private final AuditLog audit;

    private final Clock clock;

    private final PipDecisions pips;

    private final ApplicationEventPublisher events;

    PersonalPlans(StoredPlans stored, Residents residents, PlanSettings settings, AuditLog audit, Clock clock,
            PipDecisions pips, ApplicationEventPublisher events) {
        this.pips = pips;
        this.events = events;
        this.stored = stored;
        this.residents = residents;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The person's plan as it stands, if there is one; the person must exist. */
    @Transactional(readOnly = true)
    public Optional<PersonalPlan> find(UUID personId) {
        requirePerson(personId);
        return stored.find(personId, false);
    }

    /** Adds a goal to the draft (started when there is none). */
    @Transactional
    public Goal addGoal(UUID personId, Area area, String description, @Nullable LocalDate targetDate,
            @Nullable Integer expectedLock) {
        String text = Checks.required(description, "description", PersonalPlan.MAX_DESCRIPTION);
        PersonalPlan plan = planForChange(personId);
        Version draft = draft(plan, expectedLock);
        Goal goal = new Goal(UUID.randomUUID(), area, text, targetDate, GoalStatus.OPEN, null, List.of(), 0);
        stored.insertGoal(draft, goal);
        stored.setStatus(plan.plan(), goal.id(), GoalStatus.OPEN, null, today());
        changed(personId, draft);
        Seeding.publishUnlessSeeding(events, new PlanGoalAdded(Tenancy.require(), personId, goal.id()));
        return goal;
    }

    /** Changes a goal's description, area and target date in the draft. */
    @Transactional
    public Goal changeGoal(UUID personId, UUID goalId, Area area, String description, @Nullable LocalDate targetDate,
            @Nullable Integer expectedLock) {
        String text = Checks.required(description, "description", PersonalPlan.MAX_DESCRIPTION);
        Version draft = draft(existingPlan(personId), expectedLock);
        Goal goal = draft.goal(goalId).changed(area, text, targetDate);
        stored.updateGoal(draft, goal);
        changed(personId, draft);
        return goal;
    }

    /** Adds an action to a goal of the draft. */
    @Transactional
    public Action addAction(UUID personId, UUID goalId, String what, ActionOwner who, @Nullable LocalDate dueOn,
            @Nullable Integer expectedLock) {
        String text = Checks.required(what, "what", PersonalPlan.MAX_ACTION);
        Version draft = draft(existingPlan(personId), expectedLock);
        draft.goal(goalId);
        Action action = new Action(UUID.randomUUID(), text, who, dueOn, null, 0);
        stored.insertAction(draft, goalId, action);
        changed(personId, draft);
        return action;
    }

    /** Records the PIP elements in the draft. */
    @Transactional
    public void changePip(UUID personId, PipElements pip, @Nullable Integer expectedLock) {
        PipElements checked = pip.checked();
        Version draft = draft(planForChange(personId), expectedLock);
        stored.updatePip(draft, checked);
        changed(personId, draft);
    }

    /**
     * Adopts the draft on {@code adoptedOn}: from then on that version never changes.
     * After the date of the person's PIP it is a new version of that PIP, recorded in the
     * trajectory as its revision in the same transaction (one decision of record).
     * Adopting when the last version is already adopted is a conflict; so is adopting a
     * plan without goals.
     */
    @Transactional
    public Version adopt(UUID personId, LocalDate adoptedOn, @Nullable Integer expectedLock) {
        PersonalPlan plan = existingPlan(personId);
        Version draft = plan.adoptable(adoptedOn, today(), expectedLock);
        stored.adopt(draft, adoptedOn, Actor.current());
        audit.record(AuditAction.PLAN_UPDATE, personId);
        Seeding.publishUnlessSeeding(events, new PlanVersionAdopted(Tenancy.require(), personId, adoptedOn));
        pips.planVersionAdopted(personId, adoptedOn);
        return reload(personId).version();
    }

    /**
     * Sets a goal's status when {@code progressVersion} names its progress as it stands
     * (412 for another, 428 for none); a dropped goal needs its reason. Answers the new
     * progress version.
     */
    @Transactional
    public int changeStatus(UUID personId, UUID goalId, GoalStatus status, @Nullable String reason,
            @Nullable Integer progressVersion) {
        PersonalPlan plan = existingPlan(personId);
        String dropReason = plan.dropReason(goalId, status, reason);
        int expected = expectedProgress(plan.version().goal(goalId).progressVersion(), progressVersion);
        stored.setStatus(plan.plan(), goalId, status, dropReason, today(), expected);
        audit.record(AuditAction.PLAN_UPDATE, personId);
        return expected + 1;
    }

    /**
     * Marks an action done on a day, or not done ({@code doneOn} null), when
     * {@code progressVersion} names its progress as it stands (412 for another, 428 for
     * none). Answers the new progress version.
     */
    @Transactional
    public int markDone(UUID personId, UUID actionId, @Nullable LocalDate doneOn, @Nullable Integer progressVersion) {
        PersonalPlan plan = existingPlan(personId);
        plan.checkDone(actionId, doneOn, today());
        int expected = expectedProgress(plan.version().action(actionId).progressVersion(), progressVersion);
        stored.setDone(plan.plan(), actionId, doneOn, expected);
        audit.record(AuditAction.PLAN_UPDATE, personId);
        return expected + 1;
    }

    private static int expectedProgress(int current, @Nullable Integer expected) {
        if (expected == null) {
            throw new VersionRequiredException();
        }
        if (expected != current) {
            throw new StaleVersionException();
        }
        return expected;
    }

    /**
     * Records a progress review: its date (not before the plan exists, not in the
     * future), notes, and each goal's new status. The next review is due the
     * municipality's interval after it.
     */
    @Transactional
    public Review review(UUID personId, LocalDate heldOn, @Nullable String notes, Map<UUID, GoalStatus> goalStatuses) {
        PersonalPlan plan = existingPlan(personId);
        String text = plan.reviewNotes(heldOn, today(), notes, goalStatuses);
        Review review = new Review(UUID.randomUUID(), heldOn, text, settings.current().nextReviewAfter(heldOn),
                Actor.current(), goalStatuses);
        stored.insertReview(plan.plan(), review);
        goalStatuses.forEach((goal, status) -> stored.setStatus(plan.plan(), goal, status,
                status == GoalStatus.DROPPED ? text : null, heldOn));
        audit.record(AuditAction.PLAN_UPDATE, personId);
        Seeding.publishUnlessSeeding(events,
                new PlanReviewRecorded(Tenancy.require(), personId, review.id(), heldOn, review.nextReviewDue()));
        return review;
    }

    /** The reviews of a plan, latest first. */
    @Transactional(readOnly = true)
    public List<Review> reviews(PersonalPlan plan) {
        return stored.reviews(plan.plan());
    }

    /**
     * Starts a draft plan for a person who has none, from {@code startedOn}; by the
     * system when social guidance handed the person over to the local policy. Runs in a
     * transaction of its own, on a connection of the municipality of the current work.
     * Returns whether a plan was started.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean startIfAbsent(UUID personId, LocalDate startedOn) {
        if (residents.find(personId).isEmpty() || stored.find(personId, true).isPresent()) {
            return false;
        }
        boolean started = stored.insert(personId, startedOn, Actor.current());
        if (started) {
            audit.record(AuditAction.PLAN_UPDATE, personId);
            Seeding.publishUnlessSeeding(events, new PlanStarted(Tenancy.require(), personId, startedOn));
        }
        return started;
    }

    /**
     * Reflects the PIP the trajectories module adopted: the learning route and its
     * timeframe. Starts a draft plan when the person has none. Runs in a transaction of
     * its own.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void reflectPip(UUID personId, LocalDate adoptedOn, LearningRoute route, LocalDate periodStart,
            LocalDate periodEnd, LocalDate routeSwitchDeadline) {
        if (residents.find(personId).isEmpty()) {
            return;
        }
        if (stored.find(personId, true).isEmpty() && stored.insert(personId, adoptedOn, Actor.current())) {
            Seeding.publishUnlessSeeding(events, new PlanStarted(Tenancy.require(), personId, adoptedOn));
        }
        stored.reflectPip(personId, adoptedOn, route, periodStart, periodEnd, routeSwitchDeadline);
        audit.record(AuditAction.PLAN_UPDATE, personId);
    }

    /**
     * The PIP adopted in the trajectory is the plan's version of that date: a draft with
     * goals is adopted on the PIP's date, in the trajectory's transaction, so the plan
     * and the trajectory show one decision with one date. A draft that cannot be adopted
     * then (no plan or no goals yet, started after the PIP, an adoption later than the
     * PIP) stays a draft.
     */
    void adoptAsThePip(UUID personId, LocalDate pipDate) {
        Optional<PersonalPlan> found = stored.find(personId, true);
        if (found.isEmpty()) {
            return;
        }
        PersonalPlan plan = found.get();
        try {
            // The PIP adopted in the trajectory (under its own lock) adopts the draft as
            // it stands.
            Version draft = plan.adoptable(pipDate, today(), plan.version().lockVersion());
            stored.adopt(draft, pipDate, Actor.current());
            audit.record(AuditAction.PLAN_UPDATE, personId);
            Seeding.publishUnlessSeeding(events, new PlanVersionAdopted(Tenancy.require(), personId, pipDate));
        }
        catch (ConflictException | InvalidInputException notNow) {
            // the draft stays a draft; the PIP's date is shown with the plan all the same
        }
    }

    /** Reflects the route of a revised PIP. */
    @Transactional
    public void reflectRevision(UUID personId, LearningRoute route) {
        if (residents.find(personId).isEmpty() || stored.find(personId, true).isEmpty()) {
            return;
        }
        stored.reflectRoute(personId, route);
        audit.record(AuditAction.PLAN_UPDATE, personId);
    }

    /** Starts a plan on a given day (demo data and imports); the caller logs. */
    @Transactional
    public Plan startOn(UUID personId, LocalDate startedOn) {
        requirePerson(personId);
        return stored.find(personId, true).orElseGet(() -> start(personId, startedOn)).plan();
    }

    // ---------------------------------------------------------------------------------------------------------

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Version draft(PersonalPlan plan, @Nullable Integer expectedLock) {
        Draft draft = plan.draft(expectedLock);
        stored.store(plan.plan(), draft);
        return draft.version();
    }

    private void changed(UUID personId, Version draft) {
        stored.touch(draft);
        audit.record(AuditAction.PLAN_UPDATE, personId);
    }

    private PersonalPlan start(UUID personId, LocalDate startedOn) {
        if (stored.insert(personId, startedOn, Actor.current())) {
            Seeding.publishUnlessSeeding(events, new PlanStarted(Tenancy.require(), personId, startedOn));
        }
        return reload(personId);
    }

    private PersonalPlan reload(UUID personId) {
        return stored.find(personId, true).orElseThrow();
    }

    private PersonalPlan planForChange(UUID personId) {
        requirePerson(personId);
        return stored.find(personId, true).orElseGet(() -> start(personId, today()));
    }

    private PersonalPlan existingPlan(UUID personId) {
        requirePerson(personId);
        return stored.find(personId, true).orElseThrow(NotFoundException::new);
    }

    private void requirePerson(UUID personId) {
        residents.find(personId).orElseThrow(NotFoundException::new);
    }

}
