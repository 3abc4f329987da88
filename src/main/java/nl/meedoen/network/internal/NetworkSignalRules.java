package nl.meedoen.network.internal;

import java.util.List;

import nl.meedoen.signals.Severity;
import nl.meedoen.signals.SignalCode;
import nl.meedoen.signals.SignalFact;
import nl.meedoen.signals.SignalRule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The early-signalling rule on buddy matches (the check-in overdue at the municipality's
 * check-in weeks, as the match page shows it) and the network's facts that combined rules
 * read: volunteering, clubs and buddy matches as participation, buddy meetings as
 * contacts, and the person's own network.
 */
@Configuration(proxyBeanMethods = false)
class NetworkSignalRules {

    private static String forPerson(String alias) {
        return "(cast(:person as uuid) is null or %s.person_id = :person)".formatted(alias);
    }

    @Bean
    SignalRule buddyCheckInOverdue() {
        return SignalRule.of(SignalCode.BUDDY_CHECK_IN_OVERDUE, Severity.LOW, List.of(), "/personen/{person}/netwerk",
                """
                        select b.person_id, b.id::text as occasion,
                            b.started_on + 7 * coalesce(s.check_in_weeks, 4) + 1 as since,
                            jsonb_build_object('startedOn', b.started_on,
                                'dueDate', b.started_on + 7 * coalesce(s.check_in_weeks, 4),
                                'weeks', coalesce(s.check_in_weeks, 4)) as facts
                        from buddy_match b left join network_setting s on s.municipality_id = b.municipality_id
                        where b.municipality_id = :municipality and b.status = 'ACTIVE' and b.started_on is not null
                            and b.started_on + 7 * coalesce(s.check_in_weeks, 4) < cast(:today as date)
                            and not exists (select 1 from buddy_match_log g
                                where g.municipality_id = b.municipality_id and g.match_id = b.id
                                    and g.kind = 'CHECK_IN') and\s""" + forPerson("b"));
    }

    @Bean
    SignalFact networkParticipation() {
        return SignalFact.of(SignalFact.Kind.PARTICIPATION, """
                select v.person_id, 'VOLUNTEERING' as kind, cast(:today as date) as until from volunteer v
                where v.municipality_id = :municipality and v.active and v.person_id is not null and\s"""
                + forPerson("v") + """

                        union all
                        select c.person_id, 'CLUB' as kind, coalesce(c.ended_on, cast(:today as date)) as until
                        from person_contact c
                        where c.municipality_id = :municipality and c.kind = 'CLUB'
                            and (c.since is null or c.since <= cast(:today as date)) and\s""" + forPerson("c") + """

                        union all
                        select b.person_id, 'BUDDY_MATCH' as kind, coalesce(b.ended_on, cast(:today as date)) as until
                        from buddy_match b
                        where b.municipality_id = :municipality and b.status in ('INTRODUCED', 'ACTIVE', 'ENDED')
                            and (b.status <> 'ENDED' or b.started_on is not null) and\s""" + forPerson("b"));
    }

    @Bean
    SignalFact ownNetwork() {
        return SignalFact.of(SignalFact.Kind.NETWORK_CONTACT, """
                select c.person_id, coalesce(c.ended_on, cast(:today as date)) as until from person_contact c
                where c.municipality_id = :municipality and c.kind <> 'CLUB'
                    and (c.since is null or c.since <= cast(:today as date)) and\s""" + forPerson("c"));
    }

    @Bean
    SignalFact buddyMeetings() {
        return SignalFact.of(SignalFact.Kind.CONTACT, """
                select b.person_id, g.held_on as on_date
                from buddy_match_log g join buddy_match b on b.id = g.match_id and b.municipality_id = g.municipality_id
                where g.municipality_id = :municipality and g.kind = 'MEETING' and\s""" + forPerson("b"));
    }

}
