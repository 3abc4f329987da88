package nl.meedoen.trajectories.internal;

import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.Indicator.Area;
import nl.meedoen.monitoring.Indicator.Measure;
import nl.meedoen.monitoring.IndicatorFamily;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy monitor's indicators on trajectories: social guidance and its extensions,
 * the PVT, the PIP and its legal term, the learning routes and their changes, integration
 * periods ending, exemptions and fines.
 */
@Configuration(proxyBeanMethods = false)
class TrajectoryIndicators {

    private static final String ROUTE = "LEARNING_ROUTE";

    /** Guidance and its extensions, the PVT and the PIP. */
    @Bean
    IndicatorFamily guidanceIndicators() {
        return IndicatorFamily.of("""
                select c.code, g.period, c.amount, g.persons from (
                    select g.period, count(*) as persons, count(*) filter (where exists (select 1 from guidance g2
                            join guidance_extension_request r on r.guidance_id = g2.id and r.status = 'APPROVED'
                            where g2.municipality_id = :municipality and g2.person_id = g.person_id)) as extended
                    from (
                        -- per period the persons in social guidance at some time in it
                        select distinct p.period, g.person_id from periods p
                            join guidance g on g.municipality_id = :municipality and g.start_date < p.until_date
                                and coalesce(g.closed_on, g.end_date) >= p.from_date
                            join population on population.person_id = g.person_id) g
                    group by g.period) g
                cross join lateral (values ('GUIDANCE_ACTIVE', g.persons), ('GUIDANCE_EXTENDED_SHARE', g.extended))
                    c(code, amount)
                union all
                select 'PVT_COMPLETED', p.period, count(*), count(*) from periods p
                    join participation_declaration d on d.municipality_id = :municipality and d.status = 'COMPLETED'
                        and d.signed_on >= p.from_date and d.signed_on < p.until_date
                    join population on population.person_id = d.person_id
                group by p.period
                union all
                select c.code, a.period, c.amount, c.persons from (
                    -- the PIPs adopted in the period, and those by their legal due date
                    select p.period, count(*) as adopted,
                        count(*) filter (where d.plan_adopted_on <= d.plan_due_date) as on_time,
                        count(d.plan_due_date) as due
                    from periods p
                        join integration_duty d on d.municipality_id = :municipality
                            and d.plan_adopted_on >= p.from_date and d.plan_adopted_on < p.until_date
                        join population on population.person_id = d.person_id
                    group by p.period) a
                cross join lateral (values ('PIP_ADOPTED', a.adopted, a.adopted),
                    ('PIP_ON_TIME_SHARE', a.on_time, a.due)) c(code, amount, persons)""",
                new Indicator("GUIDANCE_ACTIVE", Area.TRAJECTORIES, Measure.COUNT, null),
                new Indicator("GUIDANCE_EXTENDED_SHARE", Area.TRAJECTORIES, Measure.SHARE, null),
                new Indicator("PVT_COMPLETED", Area.TRAJECTORIES, Measure.COUNT, null),
                new Indicator("PIP_ADOPTED", Area.TRAJECTORIES, Measure.COUNT, null),
                new Indicator("PIP_ON_TIME_SHARE", Area.TRAJECTORIES, Measure.SHARE, null));
    }

    /**
     * The persons per learning route (PIP adopted, integration period running in the
     * period), their switches and step-downs, integration periods ending in the next
     * year, exemptions and fines.
     */
    @Bean
    IndicatorFamily routeIndicators() {
        return IndicatorFamily.of("""
                select 'ROUTE_' || d.route as code, p.period, count(*) as amount, count(*) as persons from periods p
                    join integration_duty d on d.municipality_id = :municipality
                        and d.route in ('B1', 'ONDERWIJS', 'Z') and d.plan_adopted_on < p.until_date
                        and (d.integration_period_end is null or d.integration_period_end >= p.from_date)
                    join population on population.person_id = d.person_id
                group by p.period, d.route
                union all
                select case c.kind when 'SWITCH' then 'ROUTE_SWITCHES' else 'ROUTE_STEP_DOWNS' end, p.period,
                    count(distinct c.person_id), count(distinct c.person_id) from periods p
                    join route_change c on c.municipality_id = :municipality and c.kind in ('SWITCH', 'STEP_DOWN')
                        and c.changed_on >= p.from_date and c.changed_on < p.until_date
                    join population on population.person_id = c.person_id
                group by p.period, c.kind
                union all
                select 'INTEGRATION_PERIOD_ENDING', p.period, count(*), count(*) from periods p
                    join integration_duty d on d.municipality_id = :municipality
                        and d.integration_period_end >= p.until_date
                        and d.integration_period_end < p.until_date + interval '1 year'
                    join population on population.person_id = d.person_id
                group by p.period
                union all
                select 'EXEMPTIONS', p.period, count(distinct e.person_id), count(distinct e.person_id) from periods p
                    join integration_exemption e on e.municipality_id = :municipality
                        and e.decided_on >= p.from_date and e.decided_on < p.until_date
                    join population on population.person_id = e.person_id
                group by p.period
                union all
                select 'FINES_DECIDED', p.period, count(*), count(*) from periods p
                    join fine f on f.municipality_id = :municipality and f.status = 'DECIDED'
                        and f.decided_on >= p.from_date and f.decided_on < p.until_date
                    join population on population.person_id = f.person_id
                group by p.period""", new Indicator("ROUTE_B1", Area.TRAJECTORIES, Measure.COUNT, ROUTE),
                new Indicator("ROUTE_ONDERWIJS", Area.TRAJECTORIES, Measure.COUNT, ROUTE),
                new Indicator("ROUTE_Z", Area.TRAJECTORIES, Measure.COUNT, ROUTE),
                new Indicator("ROUTE_SWITCHES", Area.TRAJECTORIES, Measure.COUNT, null),
                new Indicator("ROUTE_STEP_DOWNS", Area.TRAJECTORIES, Measure.COUNT, null),
                new Indicator("INTEGRATION_PERIOD_ENDING", Area.TRAJECTORIES, Measure.COUNT, null),
                new Indicator("EXEMPTIONS", Area.TRAJECTORIES, Measure.COUNT, null),
                new Indicator("FINES_DECIDED", Area.TRAJECTORIES, Measure.COUNT, null));
    }

}
