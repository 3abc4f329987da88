package nl.meedoen.signals.internal;

import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.Indicator.Area;
import nl.meedoen.monitoring.Indicator.Measure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy monitor's indicators on early signalling: signals open at the end of the
 * period, the share resolved within 30 days, and persons at risk of isolation.
 */
@Configuration(proxyBeanMethods = false)
class SignalIndicators {

    /** Signals about persons of the population open at the end of the period. */
    private static final String OPEN = """
            select s.person_id, s.rule from signal s join population on population.person_id = s.person_id
            where s.municipality_id = :municipality and s.raised_on < cast(:until as date)
                and (s.closed_on is null or s.closed_on >= cast(:until as date))""";

    @Bean
    Indicator signalsOpenIndicator() {
        return Indicator.of("SIGNALS_OPEN", Area.SIGNALS, Measure.COUNT, null,
                "select count(*) as amount, count(*) as persons from (" + OPEN + ") s");
    }

    @Bean
    Indicator signalsResolvedShareIndicator() {
        return Indicator.of("SIGNALS_RESOLVED_30_DAYS_SHARE", Area.SIGNALS, Measure.SHARE, null, """
                select count(*) filter (where s.status = 'RESOLVED' and s.closed_on <= s.raised_on + 30) as amount,
                    count(*) as persons
                from signal s join population on population.person_id = s.person_id
                where s.municipality_id = :municipality and s.raised_on >= cast(:from as date)
                    and s.raised_on < cast(:until as date)""");
    }

    @Bean
    Indicator isolationRiskIndicator() {
        return Indicator.of("ISOLATION_RISK", Area.SIGNALS, Measure.COUNT, null,
                "select count(distinct s.person_id) as amount, count(distinct s.person_id) as persons from (" + OPEN
                        + ") s where s.rule = 'ISOLATION_RISK'");
    }

}
