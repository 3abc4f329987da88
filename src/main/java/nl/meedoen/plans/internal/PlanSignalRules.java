package nl.meedoen.plans.internal;

import java.util.List;

import nl.meedoen.signals.Severity;
import nl.meedoen.signals.SignalCode;
import nl.meedoen.signals.SignalFact;
import nl.meedoen.signals.SignalRule;
import nl.meedoen.signals.Threshold;
import nl.meedoen.signals.Threshold.Unit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The early-signalling rules on the personal plan, each one query over this module's
 * tables: no higher language level for months while below the route's target, the
 * progress review overdue (at the municipality's review interval, as the plan computes
 * it), long-term social assistance without a route to work. Also the plan's facts that
 * combined rules read: an active plan, reviews as contacts, work and study as
 * participation, children in early-childhood education, new goals as follow-up.
 */
@Configuration(proxyBeanMethods = false)
class PlanSignalRules {

    private static final String LEVELS = "array['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2']";

    private static String forPerson(String alias) {
        return "(cast(:person as uuid) is null or %s.person_id = :person)".formatted(alias);
    }

    /**
     * Each skill's assessments in one order (date, then entry), which the index
     * {@code language_level_skill_idx} yields as it stands: the previous level and
     * whether an assessment is the latest come from one window, so nothing is sorted
     * twice.
     */
    @Bean
    SignalRule noLanguageProgress() {
        return SignalRule.of(SignalCode.NO_LANGUAGE_PROGRESS, Severity.LOW,
                List.of(new Threshold("months", 6, Unit.MONTHS, 1, 36)), "/personen/{person}/plan",
                """
                        with target as (
                            select p.person_id, case p.learning_route when 'Z' then 'A1' else 'B1' end as target,
                                p.started_on
                            from plan p
                            where p.municipality_id = :municipality and p.learning_route is not null and\s"""
                        + forPerson("p")
                        + """
                                ),
                                levels as (
                                    select l.person_id, l.skill, l.level, l.assessed_on,
                                        lead(true) over skill_order is null as latest,
                                        lag(l.level) over skill_order as previous
                                    from language_level l join target using (person_id)
                                    where l.municipality_id = :municipality
                                    window skill_order as (partition by l.person_id, l.skill
                                        order by l.assessed_on, l.created_at, l.id)
                                ),
                                progress as (
                                    select t.person_id, t.target,
                                        coalesce(max(l.assessed_on) filter (where l.previous is null
                                            or array_position(LEVELS, l.level) > array_position(LEVELS, l.previous)),
                                            t.started_on) as since,
                                        count(*) filter (where l.latest
                                            and array_position(LEVELS, l.level) >= array_position(LEVELS, t.target)) as at_target,
                                        jsonb_object_agg(l.skill, l.level) filter (where l.latest) as levels
                                    from target t left join levels l using (person_id)
                                    group by t.person_id, t.target, t.started_on
                                )
                                select person_id, since::text as occasion, since,
                                    jsonb_build_object('since', since, 'target', target, 'months', cast(:months as integer),
                                        'levels', coalesce(levels, '{}'::jsonb)) as facts
                                from progress
                                where at_target < 4
                                    and since <= (cast(:today as date) - make_interval(months => cast(:months as integer)))::date"""
                            .replace("LEVELS", LEVELS));
    }

    @Bean
    SignalRule reviewOverdue() {
        return SignalRule.of(SignalCode.REVIEW_OVERDUE, Severity.MEDIUM, List.of(), "/personen/{person}/plan", """
                select person_id, due::text as occasion, due + 1 as since,
                    jsonb_build_object('dueDate', due, 'lastReview', last_review, 'intervalMonths', interval_months)
                        as facts
                from (
                    select p.person_id, r.last_review, coalesce(s.review_interval_months, 3) as interval_months,
                        (coalesce(r.last_review, a.first_adopted, p.started_on)
                            + make_interval(months => coalesce(s.review_interval_months, 3)))::date as due
                    from plan p
                        left join plan_setting s on s.municipality_id = p.municipality_id
                        left join lateral (select max(r.held_on) as last_review from plan_review r
                            where r.municipality_id = p.municipality_id and r.plan_id = p.id) r on true
                        left join lateral (select min(v.adopted_on) as first_adopted from plan_version v
                            where v.municipality_id = p.municipality_id and v.plan_id = p.id
                                and v.status = 'ADOPTED') a on true
                    where p.municipality_id = :municipality and\s""" + forPerson("p") + """

                ) plans
                where due < cast(:today as date)""");
    }

    @Bean
    SignalRule longTermAssistanceWithoutRoute() {
        return SignalRule.of(SignalCode.LONG_TERM_ASSISTANCE_WITHOUT_ROUTE, Severity.MEDIUM,
                List.of(new Threshold("months", 24, Unit.MONTHS, 6, 120)), "/personen/{person}/plan", """
                        select i.person_id, i.starts_on::text as occasion,
                            (i.starts_on + make_interval(months => cast(:months as integer)))::date + 1 as since,
                            jsonb_build_object('assistanceSince', i.starts_on, 'months', cast(:months as integer))
                                as facts
                        from income_period i
                            left join work_situation w on w.municipality_id = i.municipality_id
                                and w.person_id = i.person_id
                        where i.municipality_id = :municipality and i.source = 'SOCIAL_ASSISTANCE'
                            and (i.ends_on is null or i.ends_on >= cast(:today as date))
                            and i.starts_on
                                < (cast(:today as date) - make_interval(months => cast(:months as integer)))::date
                            and (w.route_to_work is null or btrim(w.route_to_work) = '') and\s""" + forPerson("i"));
    }

    /** A personal plan counts as an active case from its start. */
    @Bean
    SignalFact activePlan() {
        return SignalFact.of(SignalFact.Kind.ACTIVE_CASE, """
                select p.person_id, p.started_on as since from plan p
                where p.municipality_id = :municipality and\s""" + forPerson("p"));
    }

    /** A progress review held is a contact. */
    @Bean
    SignalFact reviewContacts() {
        return SignalFact.of(SignalFact.Kind.CONTACT, """
                select p.person_id, r.held_on as on_date
                from plan_review r join plan p on p.id = r.plan_id and p.municipality_id = r.municipality_id
                where r.municipality_id = :municipality and\s""" + forPerson("p"));
    }

    /** Wages or paid hours are work; study finance is education. */
    @Bean
    SignalFact workAndStudy() {
        return SignalFact.of(SignalFact.Kind.PARTICIPATION, """
                select i.person_id, case i.source when 'WAGES' then 'WORK' else 'EDUCATION' end as kind,
                    coalesce(i.ends_on, cast(:today as date)) as until
                from income_period i
                where i.municipality_id = :municipality and i.source in ('WAGES', 'STUDY_FINANCE')
                    and i.starts_on <= cast(:today as date) and\s""" + forPerson("i") + """

                union all
                select w.person_id, 'WORK' as kind, cast(:today as date) as until from work_situation w
                where w.municipality_id = :municipality and w.paid_hours_per_week > 0 and\s""" + forPerson("w"));
    }

    /** Children who take part in early-childhood education (VVE). */
    @Bean
    SignalFact earlyChildhoodEducation() {
        return SignalFact.of(SignalFact.Kind.VVE, """
                select c.child_id as person_id from child_education c
                where c.municipality_id = :municipality and c.vve_participation
                    and (cast(:person as uuid) is null or c.child_id = :person)""");
    }

    /** A goal is made on the day the first plan version holding it was made. */
    @Bean
    SignalFact newGoals() {
        return SignalFact.of(SignalFact.Kind.FOLLOW_UP, """
                select p.person_id, min(v.created_at)::date as on_date
                from plan p
                    join plan_version v on v.plan_id = p.id and v.municipality_id = p.municipality_id
                    join plan_goal g on g.version_id = v.id and g.municipality_id = v.municipality_id
                where p.municipality_id = :municipality and\s""" + forPerson("p") + """

                group by p.person_id, g.goal_id""");
    }

}
