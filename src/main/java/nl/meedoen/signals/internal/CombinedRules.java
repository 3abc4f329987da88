package nl.meedoen.signals.internal;

import java.util.List;

import nl.meedoen.signals.Severity;
import nl.meedoen.signals.SignalCode;
import nl.meedoen.signals.SignalRule;
import nl.meedoen.signals.Threshold;
import nl.meedoen.signals.Threshold.Unit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rules that combine the facts of several modules: no contact for months with someone
 * in an active trajectory or plan, the risk of isolation (no work, education,
 * volunteering, club or buddy match and hardly a network, for every category of resident,
 * established migrants included), a young child without early-childhood education, and
 * the outreach report (raised when a report comes in, not by a query).
 */
@Configuration(proxyBeanMethods = false)
class CombinedRules {

    @Bean
    SignalRule noContact() {
        return SignalRule.of(SignalCode.NO_CONTACT, Severity.MEDIUM,
                List.of(new Threshold("days", 90, Unit.DAYS, 14, 365)), "/personen/{person}/traject", """
                        with active as (
                            select person_id, min(since) as since from facts_active_case
                            where since <= cast(:today as date) group by person_id
                        ),
                        last_contact as (
                            select person_id, max(on_date) as last_contact from facts_contact
                            where on_date <= cast(:today as date) group by person_id
                        )
                        select a.person_id, coalesce(c.last_contact, a.since)::text as occasion,
                            coalesce(c.last_contact, a.since) + cast(:days as integer) as since,
                            jsonb_build_object('lastContact', c.last_contact, 'activeSince', a.since,
                                'days', cast(:days as integer)) as facts
                        from active a left join last_contact c using (person_id)
                        where coalesce(c.last_contact, a.since) <= cast(:today as date) - cast(:days as integer)""");
    }

    @Bean
    SignalRule isolationRisk() {
        return SignalRule.of(SignalCode.ISOLATION_RISK, Severity.MEDIUM,
                List.of(new Threshold("months", 6, Unit.MONTHS, 1, 36),
                        new Threshold("minimumContacts", 2, Unit.CONTACTS, 1, 10)),
                "/personen/{person}/netwerk",
                """
                        with window_start as (
                            select (cast(:today as date) - make_interval(months => cast(:months as integer)))::date as day
                        ),
                        taking_part as (
                            select person_id, max(until) as until from facts_participation group by person_id
                        ),
                        network as (
                            select person_id, count(*) as contacts from facts_network_contact, window_start
                            where until > window_start.day group by person_id
                        )
                        select r.person_id, greatest(r.registered_on, t.until)::text as occasion,
                            (greatest(r.registered_on, t.until) + make_interval(months => cast(:months as integer)))::date
                                as since,
                            jsonb_build_object('since', greatest(r.registered_on, t.until),
                                'contacts', coalesce(n.contacts, 0), 'minimumContacts', cast(:minimumContacts as integer),
                                'months', cast(:months as integer), 'category', r.category) as facts
                        from residents_current r
                            cross join window_start
                            left join taking_part t on t.person_id = r.person_id
                            left join network n on n.person_id = r.person_id
                        where r.date_of_birth <= (cast(:today as date) - interval '18 years')::date
                            and r.registered_on <= window_start.day
                            and (t.until is null or t.until <= window_start.day)
                            and coalesce(n.contacts, 0) < cast(:minimumContacts as integer)""");
    }

    @Bean
    SignalRule childWithoutVve() {
        return SignalRule.of(SignalCode.CHILD_WITHOUT_VVE, Severity.MEDIUM,
                List.of(new Threshold("fromMonths", 30, Unit.MONTHS, 12, 48),
                        new Threshold("untilMonths", 48, Unit.MONTHS, 24, 72)),
                "/personen/{person}", """
                        select r.person_id, r.date_of_birth::text as occasion,
                            (r.date_of_birth + make_interval(months => cast(:fromMonths as integer)))::date as since,
                            jsonb_build_object('dateOfBirth', r.date_of_birth,
                                'fromMonths', cast(:fromMonths as integer),
                                'untilMonths', cast(:untilMonths as integer)) as facts
                        from residents_current r
                        where r.household_id is not null
                            and (r.date_of_birth + make_interval(months => cast(:fromMonths as integer)))::date
                                <= cast(:today as date)
                            and (r.date_of_birth + make_interval(months => cast(:untilMonths as integer)))::date
                                > cast(:today as date)
                            and not exists (select 1 from facts_vve v where v.person_id = r.person_id)""");
    }

    /**
     * A concern reported about a resident not yet known to Meedoen: raised by the report
     * itself, for the team.
     */
    @Bean
    SignalRule outreachReported() {
        return SignalRule.of(SignalCode.OUTREACH_REPORTED, Severity.MEDIUM, List.of(), "/signalen/meldingen/{report}",
                "select null::uuid as person_id, null::text as occasion, null::date as since, null::jsonb as facts "
                        + "where false");
    }

}
