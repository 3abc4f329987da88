package nl.meedoen.network.internal;

import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.Indicator.Area;
import nl.meedoen.monitoring.Indicator.Measure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy monitor's indicators on the own network: buddies, network contacts and
 * persons without any, and residents who volunteer.
 */
@Configuration(proxyBeanMethods = false)
class NetworkIndicators {

    /**
     * Per person of the population, the contacts of the own network that ran at the end
     * of the period.
     */
    private static final String CONTACTS = """
            select population.person_id, (select count(*) from person_contact c
                    where c.municipality_id = :municipality and c.person_id = population.person_id
                        and (c.since is null or c.since < cast(:until as date))
                        and (c.ended_on is null or c.ended_on >= cast(:until as date))) as contacts
            from population""";

    @Bean
    Indicator buddyPersonsIndicator() {
        return Indicator.of("BUDDY_PERSONS", Area.SPEARHEADS, Measure.COUNT, null, """
                select count(distinct b.person_id) as amount, count(distinct b.person_id) as persons
                from buddy_match b join population on population.person_id = b.person_id
                where b.municipality_id = :municipality and b.started_on < cast(:until as date)
                    and (b.ended_on is null or b.ended_on >= cast(:from as date))""");
    }

    @Bean
    Indicator networkContactsAverageIndicator() {
        return Indicator.of("NETWORK_CONTACTS_AVERAGE", Area.SPEARHEADS, Measure.AVERAGE, null,
                "select avg(contacts) as amount, count(*) as persons from (" + CONTACTS + ") c");
    }

    @Bean
    Indicator noNetworkContactShareIndicator() {
        return Indicator.of("NO_NETWORK_CONTACT_SHARE", Area.SPEARHEADS, Measure.SHARE, null,
                "select count(*) filter (where contacts = 0) as amount, count(*) as persons from (" + CONTACTS + ") c");
    }

    @Bean
    Indicator volunteeringIndicator() {
        return Indicator.of("VOLUNTEERING", Area.WORK_AND_INCOME, Measure.COUNT, null, """
                select count(distinct v.person_id) as amount, count(distinct v.person_id) as persons
                from volunteer v join population on population.person_id = v.person_id
                where v.municipality_id = :municipality and v.active""");
    }

}
