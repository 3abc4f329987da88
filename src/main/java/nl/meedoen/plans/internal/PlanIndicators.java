package nl.meedoen.plans.internal;

import java.util.ArrayList;
import java.util.List;

import nl.meedoen.monitoring.CohortFamily;
import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.Indicator.Area;
import nl.meedoen.monitoring.Indicator.Measure;
import nl.meedoen.monitoring.IndicatorFamily;
import nl.meedoen.plans.Skill;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy monitor's indicators on the personal plan: language levels per skill, NT2
 * lesson hours, the "wegwijs" checklist, and work and income.
 */
@Configuration(proxyBeanMethods = false)
class PlanIndicators {

    /** Per period the persons with a plan begun before its end, once each. */
    private static final String WITH_PLAN = """
            select distinct p.period, p.from_date, p.until_date, pl.person_id from periods p
                join plan pl on pl.municipality_id = :municipality and pl.started_on < p.until_date
                join population on population.person_id = pl.person_id""";

    /**
     * The share of persons at A2 and at B1 or higher on each skill, from the latest
     * assessment of that skill before the period's end, among the persons with a plan
     * assessed on it.
     */
    @Bean
    IndicatorFamily languageIndicators() {
        List<Indicator> indicators = new ArrayList<>();
        for (Skill skill : Skill.values()) {
            indicators.add(new Indicator("LANGUAGE_A2_" + skill.name(), Area.SPEARHEADS, Measure.SHARE, null));
            indicators.add(new Indicator("LANGUAGE_B1_" + skill.name(), Area.SPEARHEADS, Measure.SHARE, null));
        }
        String skills = String.join(", ", List.of(Skill.values()).stream().map(s -> "'" + s.name() + "'").toList());
        return IndicatorFamily.of("""
                select c.code, l.period, c.amount, l.persons from (
                    select latest.period, latest.skill, count(*) filter (where latest.level = 'A2') as a2,
                        count(*) filter (where latest.level in ('B1', 'B2', 'C1', 'C2')) as b1, count(*) as persons
                    from (
                        select distinct on (planned.period, l.person_id, l.skill) planned.period, l.skill, l.level
                        from (%s) planned
                            join language_level l on l.municipality_id = :municipality
                                and l.person_id = planned.person_id and l.assessed_on < planned.until_date
                        where l.skill in (%s)
                        order by planned.period, l.person_id, l.skill, l.assessed_on desc, l.created_at desc) latest
                    group by latest.period, latest.skill) l
                cross join lateral (values ('LANGUAGE_A2_' || l.skill, l.a2), ('LANGUAGE_B1_' || l.skill, l.b1))
                    c(code, amount)""".formatted(WITH_PLAN, skills), indicators.toArray(Indicator[]::new));
    }

    @Bean
    IndicatorFamily learningIndicators() {
        return IndicatorFamily.of("""
                select 'NT2_HOURS' as code, p.period, coalesce(sum(e.hours), 0) as amount,
                    count(distinct e.person_id) as persons
                from periods p
                    join nt2_lesson_entry e on e.municipality_id = :municipality
                        and e.followed_until >= p.from_date and e.followed_until < p.until_date
                    join population on population.person_id = e.person_id
                group by p.period
                union all
                select 'WEGWIJS_COMPLETE', planned.period,
                    count(*) filter (where (select count(distinct w.place) from wegwijs_known w
                        where w.municipality_id = :municipality and w.person_id = planned.person_id
                            and w.known_on < planned.until_date
                            and w.place = any (s.wegwijs_places)) >= cardinality(s.wegwijs_places)),
                    count(*)
                from (%s) planned cross join plan_setting s
                where s.municipality_id = :municipality
                group by planned.period""".formatted(WITH_PLAN),
                new Indicator("NT2_HOURS", Area.SPEARHEADS, Measure.TOTAL, null),
                new Indicator("WEGWIJS_COMPLETE", Area.SPEARHEADS, Measure.SHARE, null));
    }

    /**
     * The share of persons with a plan who had income from wages, social assistance or
     * study finance at some time in the period, and the paid hours as recorded now.
     */
    @Bean
    IndicatorFamily workAndIncomeIndicators() {
        return IndicatorFamily.of("""
                select c.code, i.period, c.amount, i.persons from (
                    select planned.period, count(*) as persons,
                        count(*) filter (where 'WAGES' = any (planned.sources)) as wages,
                        count(*) filter (where 'SOCIAL_ASSISTANCE' = any (planned.sources)) as assistance,
                        count(*) filter (where 'STUDY_FINANCE' = any (planned.sources)) as study
                    from (
                        select planned.period, planned.person_id, (select array_agg(distinct i.source)
                            from income_period i
                            where i.municipality_id = :municipality and i.person_id = planned.person_id
                                and i.starts_on < planned.until_date
                                and (i.ends_on is null or i.ends_on >= planned.from_date)) as sources
                        from (%s) planned) planned
                    group by planned.period) i
                cross join lateral (values ('PAID_WORK_SHARE', i.wages), ('SOCIAL_ASSISTANCE_SHARE', i.assistance),
                    ('EDUCATION_SHARE', i.study)) c(code, amount)
                union all
                select 'PAID_HOURS_AVERAGE', p.period, w.average, w.persons from periods p cross join (
                    select avg(w.paid_hours_per_week) as average, count(*) as persons
                    from work_situation w join population on population.person_id = w.person_id
                    where w.municipality_id = :municipality and w.paid_hours_per_week > 0) w""".formatted(WITH_PLAN),
                new Indicator("PAID_WORK_SHARE", Area.WORK_AND_INCOME, Measure.SHARE, null),
                new Indicator("SOCIAL_ASSISTANCE_SHARE", Area.WORK_AND_INCOME, Measure.SHARE, null),
                new Indicator("EDUCATION_SHARE", Area.WORK_AND_INCOME, Measure.SHARE, null),
                new Indicator("PAID_HOURS_AVERAGE", Area.WORK_AND_INCOME, Measure.AVERAGE, null));
    }

    /**
     * The cohorts' measures on the day a number of months since housing was reached: in
     * paid work and on social assistance (an income period from wages or social
     * assistance running that day), and at B1 (the latest assessment up to that day of
     * every one of the four skills at B1 or higher, the level of the B1 route).
     */
    @Bean
    CohortFamily cohortMeasures() {
        String skills = String.join(", ", List.of(Skill.values()).stream().map(s -> "'" + s.name() + "'").toList());
        return CohortFamily.of("""
                select m.measure, c.cohort, c.months, m.amount from (
                    select pt.cohort, pt.months,
                        count(*) filter (where 'WAGES' = any (pt.sources)) as wages,
                        count(*) filter (where 'SOCIAL_ASSISTANCE' = any (pt.sources)) as assistance,
                        count(*) filter (where pt.b1_skills = %d) as b1
                    from (
                        select pt.cohort, pt.months, (select array_agg(distinct i.source) from income_period i
                                where i.municipality_id = :municipality and i.person_id = pt.person_id
                                    and i.starts_on <= pt.on_date and (i.ends_on is null or i.ends_on >= pt.on_date))
                                as sources,
                            (select count(*) from (
                                select distinct on (l.skill) l.level from language_level l
                                where l.municipality_id = :municipality and l.person_id = pt.person_id
                                    and l.assessed_on <= pt.on_date and l.skill in (%s)
                                order by l.skill, l.assessed_on desc, l.created_at desc) latest
                                where latest.level in ('B1', 'B2', 'C1', 'C2')) as b1_skills
                        from points pt) pt
                    group by pt.cohort, pt.months) c
                cross join lateral (values ('PAID_WORK', c.wages), ('SOCIAL_ASSISTANCE', c.assistance), ('B1', c.b1))
                    m(measure, amount)""".formatted(Skill.values().length, skills), "PAID_WORK", "SOCIAL_ASSISTANCE",
                "B1");
    }

}
