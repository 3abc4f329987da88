package nl.meedoen.plans.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import nl.meedoen.plans.internal.PersonalPlan.Action;
import nl.meedoen.plans.internal.PersonalPlan.Draft;
import nl.meedoen.plans.internal.PersonalPlan.Goal;
import nl.meedoen.plans.internal.PersonalPlan.PipElements;
import nl.meedoen.plans.internal.PersonalPlan.Plan;
import nl.meedoen.plans.internal.PersonalPlan.Version;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.trajectories.LearningRoute;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * The plans of the current municipality in the database. A plan loads whole, in the same
 * five statements whatever its number of versions, goals, actions and reviews: the plan
 * with the date of its last review, its versions, all their goals, all their actions, and
 * the municipality's settings. The reviews load in two.
 */
@Repository
class StoredPlans {

    private final JdbcClient jdbc;

    private final PlanSettings settings;

    StoredPlans(JdbcClient jdbc, PlanSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * The person's plan; {@code forUpdate} locks it until the transaction ends, so
     * changes to one plan take turns.
     */
    Optional<PersonalPlan> find(UUID personId, boolean forUpdate) {
        record Row(Plan plan, @Nullable LocalDate lastReview) {
        }
        Optional<Row> row = jdbc.sql("""
                select id, person_id, started_on, pip_adopted_on, learning_route, integration_period_start,
                    integration_period_end, route_switch_deadline,
                    (select max(r.held_on) from plan_review r where r.municipality_id = plan.municipality_id
                        and r.plan_id = plan.id)
                from plan where municipality_id = :m and person_id = :p""" + (forUpdate ? " for update" : ""))
            .param("m", Tenancy.require())
            .param("p", personId)
            .query((rs, n) -> new Row(plan(rs), rs.getObject(9, LocalDate.class)))
            .optional();
        return row.map(r -> new PersonalPlan(r.plan(), versions(r.plan().id()), r.lastReview(), settings.current()));
    }

    /**
     * Inserts the plan with its first draft unless another transaction just did (the
     * trajectory's events can arrive together); answers whether this one did.
     */
    boolean insert(UUID personId, LocalDate startedOn, String by) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                insert into plan (id, municipality_id, person_id, started_on, started_by) values (:id, :m, :p, :on, :by)
                on conflict (municipality_id, person_id) do nothing""")
            .param("id", id)
            .param("m", Tenancy.require())
            .param("p", personId)
            .param("on", startedOn)
            .param("by", by)
            .update();
        if (inserted == 1) {
            insertVersion(id, 1, PipElements.NONE, 0, UUID.randomUUID());
        }
        return inserted == 1;
    }

    /**
     * Stores a new draft, a copy of the adopted version before it; a draft there is
     * stays.
     */
    void store(Plan plan, Draft draft) {
        Version from = draft.copiedFrom();
        if (from == null) {
            return;
        }
        Version copy = draft.version();
        insertVersion(plan.id(), copy.number(), copy.pip(), copy.lockVersion(), copy.id());
        jdbc.sql("""
                insert into plan_goal (municipality_id, version_id, goal_id, area, description, target_date, position)
                select municipality_id, :draft, goal_id, area, description, target_date, position
                from plan_goal where municipality_id = :m and version_id = :from""")
            .param("draft", copy.id())
            .param("m", Tenancy.require())
            .param("from", from.id())
            .update();
        jdbc.sql("""
                insert into plan_action (municipality_id, version_id, action_id, goal_id, what, who, due_on, position)
                select municipality_id, :draft, action_id, goal_id, what, who, due_on, position
                from plan_action where municipality_id = :m and version_id = :from""")
            .param("draft", copy.id())
            .param("m", Tenancy.require())
            .param("from", from.id())
            .update();
    }

    void insertGoal(Version draft, Goal goal) {
        goal("""
                insert into plan_goal (municipality_id, version_id, goal_id, area, description, target_date, position)
                values (:m, :v, :g, :area, :description, :target,
                    (select coalesce(max(position), 0) + 1 from plan_goal where municipality_id = :m and version_id = :v))""",
                draft, goal)
            .update();
    }

    void updateGoal(Version draft, Goal goal) {
        int changed = goal("""
                update plan_goal set area = :area, description = :description, target_date = :target
                where municipality_id = :m and version_id = :v and goal_id = :g""", draft, goal).update();
        if (changed == 0) {
            throw new NotFoundException();
        }
    }

    void insertAction(Version draft, UUID goalId, Action action) {
        jdbc.sql(
                """
                        insert into plan_action (municipality_id, version_id, action_id, goal_id, what, who, due_on, position)
                        values (:m, :v, :a, :g, :what, :who, :due,
                            (select coalesce(max(position), 0) + 1 from plan_action where municipality_id = :m and version_id = :v))""")
            .param("m", Tenancy.require())
            .param("v", draft.id())
            .param("a", action.id())
            .param("g", goalId)
            .param("what", action.what())
            .param("who", action.who().name())
            .param("due", action.dueOn())
            .update();
    }

    void updatePip(Version draft, PipElements pip) {
        pip("""
                update plan_version set route_timeframe = :a, guidance_support = :b, pvt_map_intensity = :c,
                    vve_options = :d, ontzorgen = :e, preconditions = :f, monitoring = :g
                where municipality_id = :m and id = :v""", pip).param("m", Tenancy.require())
            .param("v", draft.id())
            .update();
    }

    /** A change to the draft: its lock moves on, so an earlier ETag is stale. */
    void touch(Version draft) {
        jdbc.sql("update plan_version set lock_version = lock_version + 1 where municipality_id = :m and id = :v")
            .param("m", Tenancy.require())
            .param("v", draft.id())
            .update();
    }

    void adopt(Version draft, LocalDate adoptedOn, String by) {
        jdbc.sql("""
                update plan_version set status = 'ADOPTED', adopted_on = :on, adopted_by = :by, adopted_at = now(),
                    lock_version = lock_version + 1
                where municipality_id = :m and id = :v and status = 'DRAFT'""")
            .param("on", adoptedOn)
            .param("by", by)
            .param("m", Tenancy.require())
            .param("v", draft.id())
            .update();
    }

    /**
     * Sets a goal's status as part of a larger change (a new goal, a review): its
     * progress version moves on, so a status change from before it is refused.
     */
    void setStatus(Plan plan, UUID goalId, GoalStatus status, @Nullable String dropReason, LocalDate on) {
        jdbc.sql("""
                insert into plan_goal_progress (municipality_id, plan_id, goal_id, status, drop_reason, changed_on)
                values (:m, :p, :g, :s, :r, :on)
                on conflict (municipality_id, goal_id) do update set status = excluded.status,
                    drop_reason = excluded.drop_reason, changed_on = excluded.changed_on,
                    version = plan_goal_progress.version + 1""")
            .param("m", Tenancy.require())
            .param("p", plan.id())
            .param("g", goalId)
            .param("s", status.name())
            .param("r", dropReason)
            .param("on", on)
            .update();
    }

    /**
     * Sets a goal's status when its progress is still at {@code expected} (0: never
     * changed); refused as stale when another change came first, also one made at the
     * same moment.
     */
    void setStatus(Plan plan, UUID goalId, GoalStatus status, @Nullable String dropReason, LocalDate on, int expected) {
        int changed = jdbc.sql("""
                insert into plan_goal_progress (municipality_id, plan_id, goal_id, status, drop_reason, changed_on,
                    version)
                values (:m, :p, :g, :s, :r, :on, 1)
                on conflict (municipality_id, goal_id) do update set status = excluded.status,
                    drop_reason = excluded.drop_reason, changed_on = excluded.changed_on,
                    version = plan_goal_progress.version + 1
                where plan_goal_progress.version = :expected""")
            .param("m", Tenancy.require())
            .param("p", plan.id())
            .param("g", goalId)
            .param("s", status.name())
            .param("r", dropReason)
            .param("on", on)
            .param("expected", expected)
            .update();
        if (changed == 0) {
            throw new StaleVersionException();
        }
    }

    /**
     * Records an action done on a day, or not done ({@code doneOn} null), when its
     * progress is still at {@code expected} (0: never marked). The row stays when it is
     * marked not done, so its version keeps counting.
     */
    void setDone(Plan plan, UUID actionId, @Nullable LocalDate doneOn, int expected) {
        int changed = jdbc.sql("""
                insert into plan_action_progress (municipality_id, plan_id, action_id, done_on, version)
                values (:m, :p, :a, :d, 1)
                on conflict (municipality_id, action_id) do update set done_on = excluded.done_on,
                    version = plan_action_progress.version + 1
                where plan_action_progress.version = :expected""")
            .param("m", Tenancy.require())
            .param("p", plan.id())
            .param("a", actionId)
            .param("d", doneOn)
            .param("expected", expected)
            .update();
        if (changed == 0) {
            throw new StaleVersionException();
        }
    }

    void insertReview(Plan plan, Review review) {
        jdbc.sql("""
                insert into plan_review (id, municipality_id, plan_id, held_on, notes, next_review_due, recorded_by)
                values (:id, :m, :p, :held, :notes, :next, :by)""")
            .param("id", review.id())
            .param("m", Tenancy.require())
            .param("p", plan.id())
            .param("held", review.heldOn())
            .param("notes", review.notes())
            .param("next", review.nextReviewDue())
            .param("by", review.recordedBy())
            .update();
        review.goalStatuses()
            .forEach((goal, status) -> jdbc.sql(
                    "insert into plan_review_goal (municipality_id, review_id, goal_id, status) values (:m, :r, :g, :s)")
                .param("m", Tenancy.require())
                .param("r", review.id())
                .param("g", goal)
                .param("s", status.name())
                .update());
    }

    /** The reviews of a plan, latest first, in two statements. */
    List<Review> reviews(Plan plan) {
        Map<UUID, Map<UUID, GoalStatus>> statuses = new LinkedHashMap<>();
        jdbc.sql("""
                select g.review_id, g.goal_id, g.status from plan_review_goal g
                join plan_review r on r.municipality_id = g.municipality_id and r.id = g.review_id
                where r.municipality_id = :m and r.plan_id = :p""")
            .param("m", Tenancy.require())
            .param("p", plan.id())
            .query((rs, n) -> statuses.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
                .put(rs.getObject(2, UUID.class), GoalStatus.valueOf(rs.getString(3))))
            .list();
        return jdbc.sql("""
                select id, held_on, notes, next_review_due, recorded_by from plan_review
                where municipality_id = :m and plan_id = :p order by held_on desc, created_at desc""")
            .param("m", Tenancy.require())
            .param("p", plan.id())
            .query((rs, n) -> new Review(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class), rs.getString(3),
                    rs.getObject(4, LocalDate.class), rs.getString(5),
                    statuses.getOrDefault(rs.getObject(1, UUID.class), Map.of())))
            .list();
    }

    void reflectPip(UUID personId, LocalDate adoptedOn, LearningRoute route, LocalDate periodStart, LocalDate periodEnd,
            LocalDate routeSwitchDeadline) {
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
    }

    void reflectRoute(UUID personId, LearningRoute route) {
        jdbc.sql("update plan set learning_route = :route where municipality_id = :m and person_id = :p")
            .param("route", route.name())
            .param("m", Tenancy.require())
            .param("p", personId)
            .update();
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Every version of the plan with its goals and actions: three statements. */
    private List<Version> versions(UUID planId) {
        UUID m = Tenancy.require();
        Map<UUID, Map<UUID, List<Action>>> actions = new LinkedHashMap<>();
        jdbc.sql("""
                select a.version_id, a.goal_id, a.action_id, a.what, a.who, a.due_on, p.done_on,
                    coalesce(p.version, 0)
                from plan_action a
                join plan_version v on v.municipality_id = a.municipality_id and v.id = a.version_id
                left join plan_action_progress p on p.municipality_id = a.municipality_id and p.action_id = a.action_id
                where a.municipality_id = :m and v.plan_id = :p order by a.position""")
            .param("m", m)
            .param("p", planId)
            .query((rs, n) -> actions.computeIfAbsent(rs.getObject(1, UUID.class), k -> new LinkedHashMap<>())
                .computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                .add(new Action(rs.getObject(3, UUID.class), rs.getString(4), ActionOwner.valueOf(rs.getString(5)),
                        rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getInt(8))))
            .list();
        Map<UUID, List<Goal>> goals = new LinkedHashMap<>();
        jdbc.sql("""
                select g.version_id, g.goal_id, g.area, g.description, g.target_date, coalesce(p.status, 'OPEN'),
                    p.drop_reason, coalesce(p.version, 0)
                from plan_goal g
                join plan_version v on v.municipality_id = g.municipality_id and v.id = g.version_id
                left join plan_goal_progress p on p.municipality_id = g.municipality_id and p.goal_id = g.goal_id
                where g.municipality_id = :m and v.plan_id = :p order by g.position""")
            .param("m", m)
            .param("p", planId)
            .query((rs, n) -> {
                UUID version = rs.getObject(1, UUID.class);
                UUID goal = rs.getObject(2, UUID.class);
                List<Action> ofGoal = actions.getOrDefault(version, Map.of()).getOrDefault(goal, List.of());
                return goals.computeIfAbsent(version, k -> new ArrayList<>())
                    .add(new Goal(goal, Area.valueOf(rs.getString(3)), rs.getString(4),
                            rs.getObject(5, LocalDate.class), GoalStatus.valueOf(rs.getString(6)), rs.getString(7),
                            List.copyOf(ofGoal), rs.getInt(8)));
            })
            .list();
        return jdbc.sql("""
                select id, number, status, adopted_on, adopted_by, route_timeframe, guidance_support, pvt_map_intensity,
                    vve_options, ontzorgen, preconditions, monitoring, lock_version
                from plan_version where municipality_id = :m and plan_id = :p order by number""")
            .param("m", m)
            .param("p", planId)
            .query((rs, n) -> new Version(rs.getObject(1, UUID.class), rs.getInt(2), "ADOPTED".equals(rs.getString(3)),
                    rs.getObject(4, LocalDate.class), rs.getString(5),
                    new PipElements(rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getString(12)),
                    rs.getInt(13), List.copyOf(goals.getOrDefault(rs.getObject(1, UUID.class), List.of()))))
            .list();
    }

    /**
     * A new draft; its lock starts above the lock of the version before, so a lock names
     * one state of the plan.
     */
    private void insertVersion(UUID planId, int number, PipElements pip, int lock, UUID id) {
        pip("""
                insert into plan_version (id, municipality_id, plan_id, number, status, route_timeframe,
                    guidance_support, pvt_map_intensity, vve_options, ontzorgen, preconditions, monitoring, lock_version)
                values (:id, :m, :p, :n, 'DRAFT', :a, :b, :c, :d, :e, :f, :g, :lock)""",
                pip)
            .param("lock", lock)
            .param("id", id)
            .param("m", Tenancy.require())
            .param("p", planId)
            .param("n", number)
            .update();
    }

    private StatementSpec goal(String sql, Version draft, Goal goal) {
        return jdbc.sql(sql)
            .param("m", Tenancy.require())
            .param("v", draft.id())
            .param("g", goal.id())
            .param("area", goal.area().name())
            .param("description", goal.description())
            .param("target", goal.targetDate());
    }

    private StatementSpec pip(String sql, PipElements pip) {
        return jdbc.sql(sql)
            .param("a", pip.routeTimeframe())
            .param("b", pip.guidanceSupport())
            .param("c", pip.pvtMapIntensity())
            .param("d", pip.vveOptions())
            .param("e", pip.ontzorgen())
            .param("f", pip.preconditions())
            .param("g", pip.monitoring());
    }

    private static Plan plan(ResultSet rs) throws SQLException {
        String route = rs.getString(5);
        return new Plan(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class), route == null ? null : LearningRoute.valueOf(route),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class));
    }

}
