package nl.meedoen.signals.internal;

import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.Indicator.Area;
import nl.meedoen.monitoring.Indicator.Measure;
import nl.meedoen.monitoring.IndicatorFamily;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy monitor's indicators on early signalling: signals open at the end of the
 * period, the share resolved within 30 days, and persons at risk of isolation.
 */
@Configuration(proxyBeanMethods = false)
class SignalIndicators {

    @Bean
    IndicatorFamily signalIndicatorFamily() {
        return IndicatorFamily.of("""
                select c.code, o.period, c.amount, c.amount as persons from (
                    -- signals about persons of the population open at the end of the period
                    select p.period, count(*) as open,
                        count(distinct s.person_id) filter (where s.rule = 'ISOLATION_RISK') as isolated
                    from periods p
                        join signal s on s.municipality_id = :municipality and s.raised_on < p.until_date
                            and (s.closed_on is null or s.closed_on >= p.until_date)
                        join population on population.person_id = s.person_id
                    group by p.period) o
                cross join lateral (values ('SIGNALS_OPEN', o.open), ('ISOLATION_RISK', o.isolated)) c(code, amount)
                union all
                select 'SIGNALS_RESOLVED_30_DAYS_SHARE', p.period,
                    count(*) filter (where s.status = 'RESOLVED' and s.closed_on <= s.raised_on + 30), count(*)
                from periods p
                    join signal s on s.municipality_id = :municipality and s.raised_on >= p.from_date
                        and s.raised_on < p.until_date
                    join population on population.person_id = s.person_id
                group by p.period""", new Indicator("SIGNALS_OPEN", Area.SIGNALS, Measure.COUNT, null),
                new Indicator("SIGNALS_RESOLVED_30_DAYS_SHARE", Area.SIGNALS, Measure.SHARE, null),
                new Indicator("ISOLATION_RISK", Area.SIGNALS, Measure.COUNT, null));
    }

}
