package nl.meedoen.plans.internal;

import java.time.LocalDate;
import java.util.ArrayList;
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
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Residents;
import nl.meedoen.trajectories.LearningRoute;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personal plans of the persons of the current municipality. A plan is a row of
 * versions: at most one draft, which changes, and adopted versions, which never change
 * (the database refuses it too). A change after adoption starts the next draft, copied
 * from the adopted version. Progress (each goal's status, each action done) is kept
 * beside the versions, so a review does not rewrite what was agreed. Every read and
 * change is logged with the person in the same transaction.
 */
@Service
public class PersonalPlans {

    /** The plan of a person, with what the trajectories module told of the PIP. */
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
    }

    public record Action(UUID id, String what, ActionOwner who, @Nullable LocalDate dueOn, @Nullable LocalDate doneOn) {
    }

    public record Goal(UUID id, Area area, String description, @Nullable LocalDate targetDate, GoalStatus status,
            @Nullable String dropReason, List<Action> actions) {
    }

    /** One version of a plan: a draft or an adopted version. */
    public record Version(UUID id, int number, boolean adopted, @Nullable LocalDate adoptedOn,
            @Nullable String adoptedBy, PipElements pip, int lockVersion, List<Goal> goals) {

        /** The goals of an area, in the order they were added. */
        public List<Goal> goalsIn(Area area) {
            return goals.stream().filter(g -> g.area() == area).toList();
        }
    }

    /**
     * A plan with the version to show (the draft, else the last adopted one) and every
     * version before it.
     */
    public record Current(Plan plan, Version version, List<Version> history, @Nullable LocalDate lastReview,
            LocalDate nextReviewDue) {

        public boolean reviewOverdue(LocalDate today) {
            return nextReviewDue.isBefore(today);
        }

        public Optional<Version> lastAdopted() {
            if (version.adopted()) {
                return Optional.of(version);
            }
            return history.stream().filter(Version::adopted).reduce((a, b) -> b);
        }
    }

    public record ReviewRecord(UUID id, LocalDate heldOn, String notes, LocalDate nextReviewDue, String recordedBy,
            Map<UUID, GoalStatus> goalStatuses) {
    }

    /**
     * A line of the overview of plans: whose, which version, and when the next review is
     * due.
     */
    public record Overview(UUID personId, String personName, int version, boolean adopted, LocalDate nextReviewDue,
            boolean overdue) {
    }

    private static final int MAX_DESCRIPTION = 1000;

    private static final int MAX_ACTION = 500;

    private final JdbcClient jdbc;

    private final Residents residents;

    private final PlanSettings settings;

    private final PlanLog planLog;

    PersonalPlans(JdbcClient jdbc, Residents residents, PlanSettings settings, PlanLog planLog) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.settings = settings;
        this.planLog = planLog;
    }

    /** The person's plan as it stands, if there is one; reading it is logged. */
    @Transactional
    public Optional<Current> find(UUID personId) {
        requirePerson(personId);
        planLog.read(personId);
        return plan(personId, false).map(this::current);
    }

    /**
     * Adds a goal to the draft (started when there is none); {@code expectedLock} checks
     * the draft when given.
     */
    @Transactional
    public Goal addGoal(UUID personId, Area area, String description, @Nullable LocalDate targetDate,
            @Nullable Integer expectedLock) {
        String text = required(description, "description", MAX_DESCRIPTION);
        Plan plan = planForChange(personId);
        UUID draft = draft(plan, expectedLock);
        UUID goalId = UUID.randomUUID();
        jdbc.sql(
                """
                        insert into plan_goal (municipality_id, version_id, goal_id, area, description, target_date, position)
                        values (:m, :v, :g, :area, :description, :target,
                            (select coalesce(max(position), 0) + 1 from plan_goal where municipality_id = :m and version_id = :v))""")
            .param("m", Tenancy.require())
            .param("v", draft)
            .param("g", goalId)
            .param("area", area.name())
            .param("description", text)
            .param("target", targetDate)
            .update();
        setStatus(plan, goalId, GoalStatus.OPEN, null, LocalDate.now());
        touch(draft);
        planLog.update(personId);
        return goal(draft, goalId);
    }

    /** Changes a goal's description, area and target date in the draft. */
    @Transactional
    public Goal changeGoal(UUID personId, UUID goalId, Area area, String description, @Nullable LocalDate targetDate,
            @Nullable Integer expectedLock) {
        String text = required(description, "description", MAX_DESCRIPTION);
        Plan plan = existingPlanForChange(personId);
        UUID draft = draft(plan, expectedLock);
        int changed = jdbc.sql("""
                update plan_goal set area = :area, description = :description, target_date = :target
                where municipality_id = :m and version_id = :v and goal_id = :g""")
            .param("m", Tenancy.require())
            .param("v", draft)
            .param("g", goalId)
            .param("area", area.name())
            .param("description", text)
            .param("target", targetDate)
            .update();
        if (changed == 0) {
            throw new NotFoundException();
        }
        touch(draft);
        planLog.update(personId);
        return goal(draft, goalId);
    }

    /** Adds an action to a goal of the draft. */
    @Transactional
    public Action addAction(UUID personId, UUID goalId, String what, ActionOwner who, @Nullable LocalDate dueOn,
            @Nullable Integer expectedLock) {
        String text = required(what, "what", MAX_ACTION);
        Plan plan = existingPlanForChange(personId);
        UUID draft = draft(plan, expectedLock);
        requireGoal(draft, goalId);
        UUID actionId = UUID.randomUUID();
        jdbc.sql(
                """
                        insert into plan_action (municipality_id, version_id, action_id, goal_id, what, who, due_on, position)
                        values (:m, :v, :a, :g, :what, :who, :due,
                            (select coalesce(max(position), 0) + 1 from plan_action where municipality_id = :m and version_id = :v))""")
            .param("m", Tenancy.require())
            .param("v", draft)
            .param("a", actionId)
            .param("g", goalId)
            .param("what", text)
            .param("who", who.name())
            .param("due", dueOn)
            .update();
        touch(draft);
        planLog.update(personId);
        return new Action(actionId, text, who, dueOn, null);
    }

    /** Records the PIP elements in the draft. */
    @Transactional
    public void changePip(UUID personId, PipElements pip, @Nullable Integer expectedLock) {
        pip.byName().forEach((field, value) -> {
            if (value != null && value.length() > 2000) {
                throw new InvalidInputException(field, "plans.field.tooLong");
            }
        });
        Plan plan = planForChange(personId);
        UUID draft = draft(plan, expectedLock);
        jdbc.sql("""
                update plan_version set route_timeframe = :a, guidance_support = :b, pvt_map_intensity = :c,
                    vve_options = :d, ontzorgen = :e, preconditions = :f, monitoring = :g
                where municipality_id = :m and id = :v""")
            .param("a", blankToNull(pip.routeTimeframe()))
            .param("b", blankToNull(pip.guidanceSupport()))
            .param("c", blankToNull(pip.pvtMapIntensity()))
            .param("d", blankToNull(pip.vveOptions()))
            .param("e", blankToNull(pip.ontzorgen()))
            .param("f", blankToNull(pip.preconditions()))
            .param("g", blankToNull(pip.monitoring()))
            .param("m", Tenancy.require())
            .param("v", draft)
            .update();
        touch(draft);
        planLog.update(personId);
    }

    /**
     * Adopts the draft on {@code adoptedOn}: from then on that version never changes.
     * Adopting when the last version is already adopted is a conflict; so is adopting a
     * plan without goals.
     */
    @Transactional
    public Version adopt(UUID personId, LocalDate adoptedOn, @Nullable Integer expectedLock) {
        Plan plan = existingPlanForChange(personId);
        Version latest = latest(plan.id());
        if (latest.adopted()) {
            throw new ConflictException("plans.adoption.alreadyAdopted");
        }
        if (expectedLock != null && expectedLock != latest.lockVersion()) {
            throw new StaleVersionException();
        }
        if (latest.goals().isEmpty()) {
            throw new ConflictException("plans.adoption.noGoals");
        }
        if (adoptedOn.isAfter(LocalDate.now())) {
            throw new InvalidInputException("adoptedOn", "plans.date.future");
        }
        if (adoptedOn.isBefore(plan.startedOn())) {
            throw new InvalidInputException("adoptedOn", "plans.adoption.beforePlan");
        }
        LocalDate previous = jdbc.sql("""
                select max(adopted_on) from plan_version where municipality_id = :m and plan_id = :p""")
            .param("m", Tenancy.require())
            .param("p", plan.id())
            .query(LocalDate.class)
            .optional()
            .orElse(null);
        if (previous != null && adoptedOn.isBefore(previous)) {
            throw new InvalidInputException("adoptedOn", "plans.adoption.beforePrevious");
        }
        jdbc.sql("""
                update plan_version set status = 'ADOPTED', adopted_on = :on, adopted_by = :by, adopted_at = now(),
                    lock_version = lock_version + 1
                where municipality_id = :m and id = :v and status = 'DRAFT'""")
            .param("on", adoptedOn)
            .param("by", PlanLog.actor())
            .param("m", Tenancy.require())
            .param("v", latest.id())
            .update();
        planLog.update(personId);
        return latest(plan.id());
    }

    /** Sets a goal's status; a dropped goal needs its reason. */
    @Transactional
    public void changeStatus(UUID personId, UUID goalId, GoalStatus status, @Nullable String reason) {
        Plan plan = existingPlanForChange(personId);
        requireGoal(latest(plan.id()).id(), goalId);
        String dropReason = status == GoalStatus.DROPPED ? required(reason, "reason", 1000) : null;
        setStatus(plan, goalId, status, dropReason, LocalDate.now());
        planLog.update(personId);
    }

    /** Marks an action done on a day, or not done ({@code doneOn} null). */
    @Transactional
    public void markDone(UUID personId, UUID actionId, @Nullable LocalDate doneOn) {
        Plan plan = existingPlanForChange(personId);
        boolean exists = jdbc
            .sql("""
                    select count(*) > 0 from plan_action where municipality_id = :m and version_id = :v and action_id = :a""")
            .param("m", Tenancy.require())
            .param("v", latest(plan.id()).id())
            .param("a", actionId)
            .query(Boolean.class)
            .single();
        if (!exists) {
            throw new NotFoundException();
        }
        if (doneOn != null && doneOn.isAfter(LocalDate.now())) {
            throw new InvalidInputException("doneOn", "plans.date.future");
        }
        if (doneOn == null) {
            jdbc.sql("delete from plan_action_progress where municipality_id = :m and action_id = :a")
                .param("m", Tenancy.require())
                .param("a", actionId)
                .update();
        }
        else {
            jdbc.sql(
                    """
                            insert into plan_action_progress (municipality_id, plan_id, action_id, done_on) values (:m, :p, :a, :d)
                            on conflict (municipality_id, action_id) do update set done_on = excluded.done_on""")
                .param("m", Tenancy.require())
                .param("p", plan.id())
                .param("a", actionId)
                .param("d", doneOn)
                .update();
        }
        planLog.update(personId);
    }

    /**
     * Records a progress review: its date (not before the plan exists, not in the
     * future), notes, and each goal's new status. The next review is due the
     * municipality's interval after it.
     */
    @Transactional
    public ReviewRecord review(UUID personId, LocalDate heldOn, @Nullable String notes,
            Map<UUID, GoalStatus> goalStatuses) {
        Plan plan = existingPlanForChange(personId);
        if (heldOn.isBefore(plan.startedOn())) {
            throw new InvalidInputException("heldOn", "plans.review.beforePlan");
        }
        if (heldOn.isAfter(LocalDate.now())) {
            throw new InvalidInputException("heldOn", "plans.date.future");
        }
        String text = notes == null ? "" : notes.strip();
        if (text.length() > 4000) {
            throw new InvalidInputException("notes", "plans.field.tooLong");
        }
        List<UUID> known = latest(plan.id()).goals().stream().map(Goal::id).toList();
        for (Map.Entry<UUID, GoalStatus> entry : goalStatuses.entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw new InvalidInputException("goalStatuses", "plans.review.unknownGoal");
            }
            if (entry.getValue() == GoalStatus.DROPPED && text.isEmpty()) {
                throw new InvalidInputException("notes", "plans.review.dropNeedsNotes");
            }
        }
        LocalDate next = settings.current().nextReviewAfter(heldOn);
        UUID id = UUID.randomUUID();
        String by = PlanLog.actor();
        jdbc.sql("""
                insert into plan_review (id, municipality_id, plan_id, held_on, notes, next_review_due, recorded_by)
                values (:id, :m, :p, :held, :notes, :next, :by)""")
            .param("id", id)
            .param("m", Tenancy.require())
            .param("p", plan.id())
            .param("held", heldOn)
            .param("notes", text)
            .param("next", next)
            .param("by", by)
            .update();
        goalStatuses.forEach((goal, status) -> {
            jdbc.sql(
                    "insert into plan_review_goal (municipality_id, review_id, goal_id, status) values (:m, :r, :g, :s)")
                .param("m", Tenancy.require())
                .param("r", id)
                .param("g", goal)
                .param("s", status.name())
                .update();
            setStatus(plan, goal, status, status == GoalStatus.DROPPED ? text : null, heldOn);
        });
        planLog.update(personId);
        return new ReviewRecord(id, heldOn, text, next, by, goalStatuses);
    }

    /** The reviews of a person's plan, latest first. */
    @Transactional(readOnly = true)
    public List<ReviewRecord> reviews(UUID personId) {
        return plan(personId, false)
            .map(plan -> jdbc.sql("""
                    select id, held_on, notes, next_review_due, recorded_by from plan_review
                    where municipality_id = :m and plan_id = :p order by held_on desc, created_at desc""")
                .param("m", Tenancy.require())
                .param("p", plan.id())
                .query((rs, row) -> new ReviewRecord(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5),
                        reviewGoals(rs.getObject(1, UUID.class))))
                .list())
            .orElse(List.of());
    }

    /**
     * Starts a draft plan for a person who has none, from {@code startedOn}; by the
     * system when social guidance handed the person over to the local policy. Runs in a
     * transaction of its own, on a connection of the municipality of the current work.
     * Returns whether a plan was started.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean startIfAbsent(UUID personId, LocalDate startedOn) {
        if (residents.find(personId).isEmpty() || plan(personId, true).isPresent()) {
            return false;
        }
        boolean started = startNew(personId, startedOn);
        if (started) {
            planLog.update(personId);
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
        if (plan(personId, true).isEmpty()) {
            startNew(personId, adoptedOn);
        }
        jdbc.sql("""
                update plan set pip_adopted_on = :on, learning_route = :route, integration_period_start = :start,
                    integration_period_end = :end, route_switch_deadline = :switch
                where municipality_id = :m and person_id = :p""")
            .param("on", adoptedOn)
            .param("route", route.name())
            .param("start", periodStart)
            .param("end", periodEnd)
            .param("switch", routeSwitchDeadline)
            .param("m", Tenancy.require())
            .param("p", personId)
            .update();
        planLog.update(personId);
    }

    /**
     * The plans of the municipality, overdue reviews first and then by the date the next
     * review is due; only names and dates, no plan content (like the deadline calendar).
     */
    @Transactional(readOnly = true)
    public List<Overview> overview(LocalDate today, int limit) {
        int months = settings.current().reviewIntervalMonths();
        record Row(UUID personId, int number, String status, LocalDate basis) {
        }
        List<Row> rows = jdbc.sql("""
                select p.person_id, v.number, v.status,
                    coalesce((select max(r.held_on) from plan_review r where r.municipality_id = p.municipality_id
                            and r.plan_id = p.id),
                        (select min(a.adopted_on) from plan_version a where a.municipality_id = p.municipality_id
                            and a.plan_id = p.id),
                        p.started_on) as basis
                from plan p
                join plan_version v on v.municipality_id = p.municipality_id and v.plan_id = p.id
                    and v.number = (select max(number) from plan_version x where x.municipality_id = p.municipality_id
                        and x.plan_id = p.id)
                where p.municipality_id = :m
                order by basis, p.person_id
                limit :limit""").param("m", Tenancy.require()).param("limit", limit).query(Row.class).list();
        Map<UUID, String> names = new LinkedHashMap<>();
        residents.findAll(rows.stream().map(Row::personId).toList()).forEach(r -> names.put(r.id(), r.name()));
        return rows.stream().filter(r -> names.containsKey(r.personId())).map(r -> {
            LocalDate next = r.basis().plusMonths(months);
            return new Overview(r.personId(), names.get(r.personId()), r.number(), "ADOPTED".equals(r.status()), next,
                    next.isBefore(today));
        }).toList();
    }

    /** Starts a plan on a given day (demo data and imports); the caller logs. */
    @Transactional
    public Plan startOn(UUID personId, LocalDate startedOn) {
        requirePerson(personId);
        return plan(personId, true).orElseGet(() -> start(personId, startedOn));
    }

    // ---------------------------------------------------------------------------------------------------------

    private Current current(Plan plan) {
        List<UUID> ids = jdbc.sql("""
                select id from plan_version where municipality_id = :m and plan_id = :p order by number""")
            .param("m", Tenancy.require())
            .param("p", plan.id())
            .query(UUID.class)
            .list();
        List<Version> versions = new ArrayList<>();
        for (UUID id : ids) {
            versions.add(version(id));
        }
        Version shown = versions.get(versions.size() - 1);
        LocalDate lastReview = jdbc
            .sql("select max(held_on) from plan_review where municipality_id = :m and plan_id = :p")
            .param("m", Tenancy.require())
            .param("p", plan.id())
            .query(LocalDate.class)
            .optional()
            .orElse(null);
        LocalDate firstAdoption = versions.stream()
            .filter(Version::adopted)
            .map(Version::adoptedOn)
            .findFirst()
            .orElse(plan.startedOn());
        LocalDate next = settings.current().nextReviewAfter(lastReview != null ? lastReview : firstAdoption);
        return new Current(plan, shown, List.copyOf(versions.subList(0, versions.size() - 1)), lastReview, next);
    }

    private Plan start(UUID personId, LocalDate startedOn) {
        startNew(personId, startedOn);
        return plan(personId, true).orElseThrow();
    }

    /**
     * Inserts the plan with its first draft unless another transaction just did (the
     * trajectory's events can arrive together); returns whether this one did.
     */
    private boolean startNew(UUID personId, LocalDate startedOn) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into plan (id, municipality_id, person_id, started_on, started_by) values (:id, :m, :p, :on, :by)
                on conflict (municipality_id, person_id) do nothing""")
            .param("id", id)
            .param("m", Tenancy.require())
            .param("p", personId)
            .param("on", startedOn)
            .param("by", PlanLog.actor())
            .update();
        if (inserted == 1) {
            newVersion(id, 1, PipElements.NONE, 0);
        }
        return inserted == 1;
    }

    private Plan planForChange(UUID personId) {
        requirePerson(personId);
        return plan(personId, true).orElseGet(() -> start(personId, LocalDate.now()));
    }

    private Plan existingPlanForChange(UUID personId) {
        requirePerson(personId);
        return plan(personId, true).orElseThrow(NotFoundException::new);
    }

    private void requirePerson(UUID personId) {
        residents.find(personId).orElseThrow(NotFoundException::new);
    }

    private Optional<Plan> plan(UUID personId, boolean forUpdate) {
        return jdbc.sql("""
                select id, person_id, started_on, pip_adopted_on, learning_route, integration_period_start,
                    integration_period_end, route_switch_deadline
                from plan where municipality_id = :m and person_id = :p""" + (forUpdate ? " for update" : ""))
            .param("m", Tenancy.require())
            .param("p", personId)
            .query(Plan.class)
            .optional();
    }

    /**
     * The draft to change: the existing draft (checked against {@code expectedLock} when
     * given), or a new draft copied from the last adopted version.
     */
    private UUID draft(Plan plan, @Nullable Integer expectedLock) {
        Version latest = latest(plan.id());
        if (!latest.adopted()) {
            if (expectedLock != null && expectedLock != latest.lockVersion()) {
                throw new StaleVersionException();
            }
            return latest.id();
        }
        if (expectedLock != null && expectedLock != latest.lockVersion()) {
            throw new StaleVersionException();
        }
        UUID draft = newVersion(plan.id(), latest.number() + 1, latest.pip(), latest.lockVersion() + 1);
        UUID m = Tenancy.require();
        jdbc.sql("""
                insert into plan_goal (municipality_id, version_id, goal_id, area, description, target_date, position)
                select municipality_id, :draft, goal_id, area, description, target_date, position
                from plan_goal where municipality_id = :m and version_id = :from""")
            .param("draft", draft)
            .param("m", m)
            .param("from", latest.id())
            .update();
        jdbc.sql("""
                insert into plan_action (municipality_id, version_id, action_id, goal_id, what, who, due_on, position)
                select municipality_id, :draft, action_id, goal_id, what, who, due_on, position
                from plan_action where municipality_id = :m and version_id = :from""")
            .param("draft", draft)
            .param("m", m)
            .param("from", latest.id())
            .update();
        return draft;
    }

    /**
     * A new draft; its lock starts above the lock of the version before, so a lock names
     * one state of the plan.
     */
    private UUID newVersion(UUID planId, int number, PipElements pip, int lock) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                """
                        insert into plan_version (id, municipality_id, plan_id, number, status, route_timeframe,
                            guidance_support, pvt_map_intensity, vve_options, ontzorgen, preconditions, monitoring, lock_version)
                        values (:id, :m, :p, :n, 'DRAFT', :a, :b, :c, :d, :e, :f, :g, :lock)""")
            .param("lock", lock)
            .param("id", id)
            .param("m", Tenancy.require())
            .param("p", planId)
            .param("n", number)
            .param("a", pip.routeTimeframe())
            .param("b", pip.guidanceSupport())
            .param("c", pip.pvtMapIntensity())
            .param("d", pip.vveOptions())
            .param("e", pip.ontzorgen())
            .param("f", pip.preconditions())
            .param("g", pip.monitoring())
            .update();
        return id;
    }

    private void touch(UUID draft) {
        jdbc.sql("update plan_version set lock_version = lock_version + 1 where municipality_id = :m and id = :v")
            .param("m", Tenancy.require())
            .param("v", draft)
            .update();
    }

    private Version latest(UUID planId) {
        UUID id = jdbc.sql("""
                select id from plan_version where municipality_id = :m and plan_id = :p order by number desc limit 1""")
            .param("m", Tenancy.require())
            .param("p", planId)
            .query(UUID.class)
            .single();
        return version(id);
    }

    private Version version(UUID versionId) {
        UUID m = Tenancy.require();
        Map<UUID, List<Action>> actions = new LinkedHashMap<>();
        jdbc.sql("""
                select a.goal_id, a.action_id, a.what, a.who, a.due_on, p.done_on
                from plan_action a
                left join plan_action_progress p on p.municipality_id = a.municipality_id and p.action_id = a.action_id
                where a.municipality_id = :m and a.version_id = :v order by a.position""")
            .param("m", m)
            .param("v", versionId)
            .query((rs, row) -> {
                actions.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new Action(rs.getObject(2, UUID.class), rs.getString(3), ActionOwner.valueOf(rs.getString(4)),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)));
                return row;
            })
            .list();
        List<Goal> goals = jdbc.sql("""
                select g.goal_id, g.area, g.description, g.target_date, coalesce(p.status, 'OPEN'), p.drop_reason
                from plan_goal g
                left join plan_goal_progress p on p.municipality_id = g.municipality_id and p.goal_id = g.goal_id
                where g.municipality_id = :m and g.version_id = :v order by g.position""")
            .param("m", m)
            .param("v", versionId)
            .query((rs, row) -> new Goal(rs.getObject(1, UUID.class), Area.valueOf(rs.getString(2)), rs.getString(3),
                    rs.getObject(4, LocalDate.class), GoalStatus.valueOf(rs.getString(5)), rs.getString(6),
                    List.copyOf(actions.getOrDefault(rs.getObject(1, UUID.class), List.of()))))
            .list();
        return jdbc.sql("""
                select id, number, status, adopted_on, adopted_by, route_timeframe, guidance_support, pvt_map_intensity,
                    vve_options, ontzorgen, preconditions, monitoring, lock_version
                from plan_version where municipality_id = :m and id = :v""")
            .param("m", m)
            .param("v", versionId)
            .query((rs, row) -> new Version(rs.getObject(1, UUID.class), rs.getInt(2),
                    "ADOPTED".equals(rs.getString(3)), rs.getObject(4, LocalDate.class), rs.getString(5),
                    new PipElements(rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12)),
                    rs.getInt(13), goals))
            .single();
    }

    private Goal goal(UUID versionId, UUID goalId) {
        return version(versionId).goals()
            .stream()
            .filter(g -> g.id().equals(goalId))
            .findFirst()
            .orElseThrow(NotFoundException::new);
    }

    private void requireGoal(UUID versionId, UUID goalId) {
        boolean exists = jdbc.sql("""
                select count(*) > 0 from plan_goal where municipality_id = :m and version_id = :v and goal_id = :g""")
            .param("m", Tenancy.require())
            .param("v", versionId)
            .param("g", goalId)
            .query(Boolean.class)
            .single();
        if (!exists) {
            throw new NotFoundException();
        }
    }

    private void setStatus(Plan plan, UUID goalId, GoalStatus status, @Nullable String dropReason, LocalDate on) {
        jdbc.sql("""
                insert into plan_goal_progress (municipality_id, plan_id, goal_id, status, drop_reason, changed_on)
                values (:m, :p, :g, :s, :r, :on)
                on conflict (municipality_id, goal_id) do update set status = excluded.status,
                    drop_reason = excluded.drop_reason, changed_on = excluded.changed_on""")
            .param("m", Tenancy.require())
            .param("p", plan.id())
            .param("g", goalId)
            .param("s", status.name())
            .param("r", dropReason)
            .param("on", on)
            .update();
    }

    private Map<UUID, GoalStatus> reviewGoals(UUID reviewId) {
        Map<UUID, GoalStatus> statuses = new LinkedHashMap<>();
        jdbc.sql("select goal_id, status from plan_review_goal where municipality_id = :m and review_id = :r")
            .param("m", Tenancy.require())
            .param("r", reviewId)
            .query((rs, row) -> statuses.put(rs.getObject(1, UUID.class), GoalStatus.valueOf(rs.getString(2))))
            .list();
        return statuses;
    }

    private static String required(@Nullable String value, String field, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(field, "plans." + field + ".required");
        }
        if (text.length() > max) {
            throw new InvalidInputException(field, "plans.field.tooLong");
        }
        return text;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
