package nl.meedoen.referrals.internal;

import java.util.List;

import nl.meedoen.signals.Severity;
import nl.meedoen.signals.SignalCode;
import nl.meedoen.signals.SignalFact;
import nl.meedoen.signals.SignalRule;
import nl.meedoen.signals.Threshold;
import nl.meedoen.signals.Threshold.Unit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The early-signalling rules on referrals: a sent referral the partner has not answered
 * within the municipality's response days (the same "waiting too long" as the referral
 * list), and a dropout without a follow-up (a new referral or a new goal in the plan).
 */
@Configuration(proxyBeanMethods = false)
class ReferralSignalRules {

    private static String forPerson(String alias) {
        return "(cast(:person as uuid) is null or %s.person_id = :person)".formatted(alias);
    }

    @Bean
    SignalRule referralNoResponse() {
        return SignalRule
            .of(SignalCode.REFERRAL_NO_RESPONSE, Severity.MEDIUM, List.of(), "/personen/{person}/verwijzingen", """
                    select r.person_id, r.id::text as occasion,
                        r.sent_on + coalesce(s.response_days, 14) + 1 as since,
                        jsonb_build_object('sentOn', r.sent_on, 'responseDays', coalesce(s.response_days, 14))
                            as facts
                    from referral r left join referral_setting s on s.municipality_id = r.municipality_id
                    where r.municipality_id = :municipality and r.status = 'SENT'
                        and r.sent_on + coalesce(s.response_days, 14) < cast(:today as date) and\s""" + forPerson("r"));
    }

    /**
     * The follow-up facts are read per dropped-out person (a lateral look-up of their
     * latest follow-up, which PostgreSQL pushes into each contributing query and its
     * index), not grouped for the whole municipality: dropouts are few, referrals and
     * goals many.
     */
    @Bean
    SignalRule referralDroppedOut() {
        return SignalRule.of(SignalCode.REFERRAL_DROPPED_OUT, Severity.MEDIUM, List
            .of(new Threshold("days", 30, Unit.DAYS, 1, 180)), "/personen/{person}/verwijzingen", """
                    select r.person_id, r.id::text as occasion, r.status_on + cast(:days as integer) + 1 as since,
                        jsonb_build_object('droppedOutOn', r.status_on, 'days', cast(:days as integer)) as facts
                    from referral r
                        left join lateral (select max(f.on_date) as last from facts_follow_up f
                            where f.person_id = r.person_id) f on true
                    where r.municipality_id = :municipality and r.status = 'DROPPED_OUT'
                        and r.status_on + cast(:days as integer) < cast(:today as date) and\s""" + forPerson("r") + """

                    and (f.last is null or f.last < r.status_on)""");
    }

    /** A referral made (drafted) is a follow-up step for the person. */
    @Bean
    SignalFact referralsMade() {
        return SignalFact.of(SignalFact.Kind.FOLLOW_UP, """
                select r.person_id, r.created_at::date as on_date from referral r
                where r.municipality_id = :municipality and r.status <> 'DROPPED_OUT' and\s""" + forPerson("r"));
    }

}
