package nl.meedoen.network.internal;

import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.Indicator.Area;
import nl.meedoen.monitoring.Indicator.Measure;
import nl.meedoen.monitoring.IndicatorFamily;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy monitor's indicators on the own network: buddies, network contacts and
 * persons without any, and residents who volunteer.
 */
@Configuration(proxyBeanMethods = false)
class NetworkIndicators {

    @Bean
    IndicatorFamily networkIndicatorFamily() {
        return IndicatorFamily.of("""
                select 'BUDDY_PERSONS' as code, p.period, count(distinct b.person_id) as amount,
                    count(distinct b.person_id) as persons
                from periods p
                    join buddy_match b on b.municipality_id = :municipality and b.started_on < p.until_date
                        and (b.ended_on is null or b.ended_on >= p.from_date)
                    join population on population.person_id = b.person_id
                group by p.period
                union all
                select c.code, n.period, c.amount, n.persons from (
                    select contacts.period, avg(contacts.contacts) as average,
                        count(*) filter (where contacts.contacts = 0) as without, count(*) as persons
                    from (
                        -- per period and person of the population the contacts that ran at the period's end
                        select p.period, population.person_id, count(c.person_id) as contacts
                        from periods p cross join population
                            left join person_contact c on c.municipality_id = :municipality
                                and c.person_id = population.person_id
                                and (c.since is null or c.since < p.until_date)
                                and (c.ended_on is null or c.ended_on >= p.until_date)
                        group by p.period, population.person_id) contacts
                    group by contacts.period) n
                cross join lateral (values ('NETWORK_CONTACTS_AVERAGE', n.average),
                    ('NO_NETWORK_CONTACT_SHARE', cast(n.without as numeric))) c(code, amount)
                union all
                select 'VOLUNTEERING', p.period, v.volunteers, v.volunteers from periods p cross join (
                    select count(distinct v.person_id) as volunteers
                    from volunteer v join population on population.person_id = v.person_id
                    where v.municipality_id = :municipality and v.active) v""",
                new Indicator("BUDDY_PERSONS", Area.SPEARHEADS, Measure.COUNT, null),
                new Indicator("NETWORK_CONTACTS_AVERAGE", Area.SPEARHEADS, Measure.AVERAGE, null),
                new Indicator("NO_NETWORK_CONTACT_SHARE", Area.SPEARHEADS, Measure.SHARE, null),
                new Indicator("VOLUNTEERING", Area.WORK_AND_INCOME, Measure.COUNT, null));
    }

}
