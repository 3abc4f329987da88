package nl.meedoen.trajectories.internal;

import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.Indicator.Area;
import nl.meedoen.monitoring.Indicator.Measure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy monitor's indicators on trajectories: social guidance and its extensions,
 * the PVT, the PIP and its legal term, the learning routes and their changes, integration
 * periods ending, exemptions and fines.
 */
@Configuration(proxyBeanMethods = false)
class TrajectoryIndicators {

    /** Persons in social guidance at some time in the period. */
    private static final String IN_GUIDANCE = """
            select distinct g.person_id from guidance g join population on population.person_id = g.person_id
            where g.municipality_id = :municipality and g.start_date < cast(:until as date)
                and coalesce(g.closed_on, g.end_date) >= cast(:from as date)""";

    /** Integration duties whose PIP was adopted in the period. */
    private static final String ADOPTED = """
            select d.person_id, d.plan_adopted_on, d.plan_due_date from integration_duty d
                join population on population.person_id = d.person_id
            where d.municipality_id = :municipality and d.plan_adopted_on >= cast(:from as date)
                and d.plan_adopted_on < cast(:until as date)""";

    @Bean
    Indicator guidanceActiveIndicator() {
        return Indicator.of("GUIDANCE_ACTIVE", Area.TRAJECTORIES, Measure.COUNT, null,
                "select count(*) as amount, count(*) as persons from (" + IN_GUIDANCE + ") g");
    }

    @Bean
    Indicator guidanceExtendedShareIndicator() {
        return Indicator.of("GUIDANCE_EXTENDED_SHARE", Area.TRAJECTORIES, Measure.SHARE, null, """
                select count(*) filter (where exists (select 1 from guidance g2
                        join guidance_extension_request r on r.guidance_id = g2.id and r.status = 'APPROVED'
                        where g2.municipality_id = :municipality and g2.person_id = g.person_id)) as amount,
                    count(*) as persons
                from (""" + IN_GUIDANCE + ") g");
    }

    @Bean
    Indicator pvtCompletedIndicator() {
        return Indicator.of("PVT_COMPLETED", Area.TRAJECTORIES, Measure.COUNT, null, """
                select count(*) as amount, count(*) as persons from participation_declaration d
                    join population on population.person_id = d.person_id
                where d.municipality_id = :municipality and d.status = 'COMPLETED'
                    and d.signed_on >= cast(:from as date) and d.signed_on < cast(:until as date)""");
    }

    @Bean
    Indicator pipAdoptedIndicator() {
        return Indicator.of("PIP_ADOPTED", Area.TRAJECTORIES, Measure.COUNT, null,
                "select count(*) as amount, count(*) as persons from (" + ADOPTED + ") d");
    }

    @Bean
    Indicator pipOnTimeShareIndicator() {
        return Indicator.of("PIP_ON_TIME_SHARE", Area.TRAJECTORIES, Measure.SHARE, null,
                "select count(*) filter (where d.plan_adopted_on <= d.plan_due_date) as amount, "
                        + "count(d.plan_due_date) as persons from (" + ADOPTED + ") d");
    }

    @Bean
    Indicator routeB1Indicator() {
        return route("ROUTE_B1", "B1");
    }

    @Bean
    Indicator routeOnderwijsIndicator() {
        return route("ROUTE_ONDERWIJS", "ONDERWIJS");
    }

    @Bean
    Indicator routeZIndicator() {
        return route("ROUTE_Z", "Z");
    }

    /**
     * Persons on the route with their PIP adopted and their integration period running in
     * the period.
     */
    private static Indicator route(String code, String route) {
        return Indicator.of(code, Area.TRAJECTORIES, Measure.COUNT, "LEARNING_ROUTE", """
                select count(*) as amount, count(*) as persons from integration_duty d
                    join population on population.person_id = d.person_id
                where d.municipality_id = :municipality and d.route = '%s'
                    and d.plan_adopted_on < cast(:until as date)
                    and (d.integration_period_end is null or d.integration_period_end >= cast(:from as date))"""
            .formatted(route));
    }

    @Bean
    Indicator routeSwitchesIndicator() {
        return change("ROUTE_SWITCHES", "SWITCH");
    }

    @Bean
    Indicator routeStepDownsIndicator() {
        return change("ROUTE_STEP_DOWNS", "STEP_DOWN");
    }

    private static Indicator change(String code, String kind) {
        return Indicator.of(code, Area.TRAJECTORIES, Measure.COUNT, null, """
                select count(distinct c.person_id) as amount, count(distinct c.person_id) as persons
                from route_change c join population on population.person_id = c.person_id
                where c.municipality_id = :municipality and c.kind = '%s'
                    and c.changed_on >= cast(:from as date) and c.changed_on < cast(:until as date)""".formatted(kind));
    }

    @Bean
    Indicator integrationPeriodEndingIndicator() {
        return Indicator.of("INTEGRATION_PERIOD_ENDING", Area.TRAJECTORIES, Measure.COUNT, null, """
                select count(*) as amount, count(*) as persons from integration_duty d
                    join population on population.person_id = d.person_id
                where d.municipality_id = :municipality and d.integration_period_end >= cast(:until as date)
                    and d.integration_period_end < cast(:until as date) + interval '1 year'""");
    }

    @Bean
    Indicator exemptionsIndicator() {
        return Indicator.of("EXEMPTIONS", Area.TRAJECTORIES, Measure.COUNT, null, """
                select count(distinct e.person_id) as amount, count(distinct e.person_id) as persons
                from integration_exemption e join population on population.person_id = e.person_id
                where e.municipality_id = :municipality
                    and e.decided_on >= cast(:from as date) and e.decided_on < cast(:until as date)""");
    }

    @Bean
    Indicator finesDecidedIndicator() {
        return Indicator.of("FINES_DECIDED", Area.TRAJECTORIES, Measure.COUNT, null, """
                select count(*) as amount, count(*) as persons from fine f
                    join population on population.person_id = f.person_id
                where f.municipality_id = :municipality and f.status = 'DECIDED'
                    and f.decided_on >= cast(:from as date) and f.decided_on < cast(:until as date)""");
    }

}
