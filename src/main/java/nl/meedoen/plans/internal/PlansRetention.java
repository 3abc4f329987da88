package nl.meedoen.plans.internal;

import java.time.Period;
import java.util.List;

import nl.meedoen.audit.RetainedText;
import nl.meedoen.audit.RetainedText.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention of the plan's free text: the notes of progress reviews, the reason a goal was
 * dropped, a child's school, childcare and parental involvement (the child's own closed
 * file), and the route to work. Dates, statuses, hours and levels stay. The goals and
 * actions of an adopted version are the decision of record and never change (the database
 * refuses it); they go with the person's file under its own period.
 */
@Component
class PlansRetention extends RetainedText {

    static final String TEXT = "plans.text";

    static final List<Table> TABLES = List.of(
            new Table("plan_review t", "plan p", "p.id = t.plan_id", "p.person_id", List.of(), List.of("t.notes")),
            new Table("plan_goal_progress t", "plan p", "p.id = t.plan_id", "p.person_id", List.of(),
                    List.of("t.drop_reason")),
            Table.of("child_education t", "t.child_id", List.of("t.school", "t.childcare", "t.parental_involvement"),
                    List.of()),
            Table.of("work_situation t", "t.person_id", List.of("t.route_to_work"), List.of()));

    PlansRetention(JdbcClient jdbc) {
        super(jdbc, new RecordType(TEXT, Period.ofYears(2), "gemeentelijke keuze"), TABLES);
    }

}
