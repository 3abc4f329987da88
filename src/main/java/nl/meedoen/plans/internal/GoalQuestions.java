package nl.meedoen.plans.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.plans.OwnPlans.Question;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.Time;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The wishes and questions a person adds to the goals of their plan in Mijn Meedoen, and
 * the caseworker marking each one seen. A question stays with the plan once seen; the
 * caseworker answers in the conversation with the person.
 */
@Service
public class GoalQuestions {

    /** A question as the caseworker sees it on the plan tab, with its lock. */
    public record Asked(UUID id, UUID goalId, String text, Instant askedAt, @Nullable Instant seenAt,
            @Nullable String seenBy, int version) {

        public boolean seen() {
            return seenAt != null;
        }

        /** The day it was asked, in Amsterdam. */
        public LocalDate askedOn() {
            return askedAt.atZone(Time.ZONE).toLocalDate();
        }

        Question question() {
            return new Question(id, goalId, text, askedAt, seenAt);
        }
    }

    private final JdbcClient jdbc;

    private final PersonalPlans plans;

    private final AuditLog audit;

    private final Clock clock;

    GoalQuestions(JdbcClient jdbc, PersonalPlans plans, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    /** The questions of the person's plan, oldest first. */
    @Transactional(readOnly = true)
    public List<Asked> of(UUID personId) {
        return jdbc.sql("""
                select id, goal_id, text, asked_at, seen_at, seen_by, version from plan_question
                where municipality_id = :m and person_id = :p order by asked_at, id""")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query(GoalQuestions::asked)
            .list();
    }

    /**
     * Stores a question of the person to a goal of their plan; the caller checked both.
     */
    Question insert(PersonalPlan plan, UUID goalId, String text) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into plan_question (id, municipality_id, plan_id, person_id, goal_id, text, asked_at, asked_by)
                values (:id, :m, :plan, :p, :goal, :text, :at, :by)""")
            .param("id", id)
            .param("m", Tenancy.require())
            .param("plan", plan.plan().id())
            .param("p", plan.plan().personId())
            .param("goal", goalId)
            .param("text", text)
            .param("at", OffsetDateTime.ofInstant(now, clock.getZone()))
            .param("by", Actor.current())
            .update();
        return new Question(id, goalId, text, now, null);
    }

    /**
     * The caseworker saw the question (and answers it with the person); {@code version}
     * must name the question as the caseworker saw it. Seeing it twice changes nothing.
     */
    @Transactional
    public void markSeen(UUID personId, UUID questionId, int version) {
        plans.find(personId).orElseThrow(NotFoundException::new);
        Asked asked = of(personId).stream()
            .filter(q -> q.id().equals(questionId))
            .findFirst()
            .orElseThrow(NotFoundException::new);
        if (asked.version() != version) {
            throw new StaleVersionException();
        }
        if (asked.seen()) {
            return;
        }
        jdbc.sql("""
                update plan_question set seen_at = :at, seen_by = :by, version = version + 1
                where municipality_id = :m and id = :id and version = :v""")
            .param("at", OffsetDateTime.ofInstant(clock.instant(), clock.getZone()))
            .param("by", Actor.current())
            .param("m", Tenancy.require())
            .param("id", questionId)
            .param("v", version)
            .update();
        audit.record(AuditAction.PLAN_UPDATE, personId);
    }

    private static Asked asked(ResultSet rs, int row) throws SQLException {
        OffsetDateTime seen = rs.getObject(5, OffsetDateTime.class);
        return new Asked(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), seen == null ? null : seen.toInstant(),
                rs.getString(6), rs.getInt(7));
    }

}
