package nl.meedoen.housing.internal;

import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.Indicator.Area;
import nl.meedoen.monitoring.Indicator.Measure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy monitor's indicators on housing: the official quota of the period, the
 * persons housed in it, and the days from the COA match to the key handover.
 */
@Configuration(proxyBeanMethods = false)
class HousingIndicators {

    /** The persons housed in the period with the days their match took, once each. */
    private static final String HOUSED = """
            select distinct on (pp.person_id) pp.person_id, p.key_handover_date - m.match_date as days
            from housing_placement p
                join housing_placement_person pp on pp.placement_id = p.id and pp.municipality_id = p.municipality_id
                join population on population.person_id = pp.person_id
                left join housing_match_person mp on mp.person_id = pp.person_id
                    and mp.municipality_id = pp.municipality_id and not mp.cancelled
                left join housing_match m on m.id = mp.match_id and m.match_date <= p.key_handover_date
            where p.municipality_id = :municipality
                and p.key_handover_date >= cast(:from as date) and p.key_handover_date < cast(:until as date)
            order by pp.person_id, m.match_date desc nulls last""";

    @Bean
    Indicator housingQuotaIndicator() {
        return Indicator.of("HOUSING_QUOTA", Area.HOUSING, Measure.FIGURE, null, """
                select coalesce(sum(official), 0) as amount, 0 as persons from housing_quota
                where municipality_id = :municipality
                    and (period = cast(:period as text) or period like cast(:period as text) || '-H_')""");
    }

    @Bean
    Indicator housingHousedIndicator() {
        return Indicator.of("HOUSING_HOUSED", Area.HOUSING, Measure.COUNT, null,
                "select count(*) as amount, count(*) as persons from (" + HOUSED + ") housed");
    }

    @Bean
    Indicator housingDaysAverageIndicator() {
        return Indicator.of("HOUSING_DAYS_AVERAGE", Area.HOUSING, Measure.AVERAGE, null,
                "select avg(days) as amount, count(days) as persons from (" + HOUSED + ") housed");
    }

    @Bean
    Indicator housingDaysMedianIndicator() {
        return Indicator.of("HOUSING_DAYS_MEDIAN", Area.HOUSING, Measure.MEDIAN, null,
                "select percentile_cont(0.5) within group (order by days) as amount, count(days) as persons from ("
                        + HOUSED + ") housed");
    }

}
