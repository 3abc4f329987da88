package nl.meedoen.housing.internal;

import nl.meedoen.monitoring.CohortStart;
import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.Indicator.Area;
import nl.meedoen.monitoring.Indicator.Measure;
import nl.meedoen.monitoring.IndicatorFamily;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy monitor's indicators on housing: the official quota of the period, the
 * persons housed in it, and the days from the COA match to the key handover; and the day
 * each person was housed, which puts them in a cohort.
 */
@Configuration(proxyBeanMethods = false)
class HousingIndicators {

    @Bean
    IndicatorFamily housingIndicatorFamily() {
        return IndicatorFamily.of("""
                select 'HOUSING_QUOTA' as code, p.period, coalesce(sum(q.official), 0) as amount, 0 as persons
                from periods p left join housing_quota q on q.municipality_id = :municipality
                    and (q.period = p.period or q.period like p.period || '-H_')
                group by p.period
                union all
                select c.code, h.period, c.amount, c.persons from (
                    select housed.period, count(*) as housed, avg(days) as average,
                        percentile_cont(0.5) within group (order by days) as median, count(days) as timed
                    from (
                        -- per period the persons housed in it with the days their match took, once each
                        select distinct on (p.period, pp.person_id) p.period, pp.person_id,
                            k.key_handover_date - m.match_date as days
                        from periods p
                            join housing_placement k on k.municipality_id = :municipality
                                and k.key_handover_date >= p.from_date and k.key_handover_date < p.until_date
                            join housing_placement_person pp on pp.placement_id = k.id
                                and pp.municipality_id = k.municipality_id
                            join population on population.person_id = pp.person_id
                            left join housing_match_person mp on mp.person_id = pp.person_id
                                and mp.municipality_id = pp.municipality_id and not mp.cancelled
                            left join housing_match m on m.id = mp.match_id and m.match_date <= k.key_handover_date
                        order by p.period, pp.person_id, m.match_date desc nulls last) housed
                    group by housed.period) h
                cross join lateral (values
                    ('HOUSING_HOUSED', cast(h.housed as numeric), h.housed),
                    ('HOUSING_DAYS_AVERAGE', h.average, h.timed),
                    ('HOUSING_DAYS_MEDIAN', cast(h.median as numeric), h.timed)) c(code, amount, persons)""",
                new Indicator("HOUSING_QUOTA", Area.HOUSING, Measure.FIGURE, null),
                new Indicator("HOUSING_HOUSED", Area.HOUSING, Measure.COUNT, null),
                new Indicator("HOUSING_DAYS_AVERAGE", Area.HOUSING, Measure.AVERAGE, null),
                new Indicator("HOUSING_DAYS_MEDIAN", Area.HOUSING, Measure.MEDIAN, null));
    }

    /** A person is housed on the key handover of their placement. */
    @Bean
    CohortStart housingCohortStart() {
        return () -> """
                select pp.person_id, k.key_handover_date as housed_on
                from housing_placement k
                    join housing_placement_person pp on pp.placement_id = k.id and pp.municipality_id = k.municipality_id
                where k.municipality_id = :municipality""";
    }

}
