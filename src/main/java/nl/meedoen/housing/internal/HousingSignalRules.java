package nl.meedoen.housing.internal;

import java.util.List;

import nl.meedoen.signals.Severity;
import nl.meedoen.signals.SignalCode;
import nl.meedoen.signals.SignalRule;
import nl.meedoen.signals.Threshold;
import nl.meedoen.signals.Threshold.Unit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The early-signalling rule on housing: a household matched by COA and not housed when
 * its housing deadline is near or past. One signal per match, on the first member not yet
 * housed. A cancelled match asks for nothing. For one person only that person's own match
 * is read (a person's evaluation after each of its events read every match of the
 * municipality: 219 ms per event on the national dataset, behind a backlog of 19,000
 * events after a soak); the first member not yet housed is still chosen over the whole
 * match. The person's matches are a plain {@code in (select …)} with the person inside
 * it: PostgreSQL makes that a join on the person's own rows, where
 * {@code (:person is null or m.id in (…))} stayed a filter over every match of the
 * municipality, each through the match's need-to-know policy (1.4 s for one person as a
 * caseworker of the largest municipality, 89 ms without a team; 6 ms now).
 */
@Configuration(proxyBeanMethods = false)
class HousingSignalRules {

    @Bean
    SignalRule housingDeadline() {
        return SignalRule.of(SignalCode.HOUSING_DEADLINE, Severity.HIGH,
                List.of(new Threshold("days", 14, Unit.DAYS, 0, 70)), "/huisvesting/wachtlijst", """
                        select person_id, occasion, since, facts from (
                            select distinct on (m.id) mp.person_id, m.id::text as occasion,
                                m.housing_deadline - cast(:days as integer) as since,
                                jsonb_build_object('deadline', m.housing_deadline, 'matchDate', m.match_date,
                                    'days', cast(:days as integer)) as facts
                            from housing_match m
                                join housing_match_person mp on mp.match_id = m.id
                                    and mp.municipality_id = m.municipality_id
                            where m.municipality_id = :municipality and m.cancelled_on is null and not mp.cancelled
                                and m.housing_deadline <= cast(:today as date) + cast(:days as integer)
                                and m.id in (select own.match_id
                                    from housing_match_person own
                                    where own.municipality_id = :municipality and not own.cancelled
                                        and (cast(:person as uuid) is null or own.person_id = :person))
                                and not exists (select 1 from housing_placement_person pp
                                    where pp.municipality_id = mp.municipality_id and pp.person_id = mp.person_id)
                            order by m.id, mp.person_id
                        ) unhoused
                        where (cast(:person as uuid) is null or unhoused.person_id = :person)""");
    }

}
