package nl.meedoen.exchange.internal;

import java.util.List;

import nl.meedoen.signals.Severity;
import nl.meedoen.signals.SignalCode;
import nl.meedoen.signals.SignalRule;
import nl.meedoen.signals.Threshold;
import nl.meedoen.signals.Threshold.Unit;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The early-signalling rule on what partners report: a person absent without notice from
 * a partner's sessions at least {@code absences} times within the last {@code weeks}
 * weeks, per referral (the occasion), since the day the count was reached.
 */
@Configuration(proxyBeanMethods = false)
class ExchangeSignalRules {

    @Bean
    SignalRule absentWithoutNotice() {
        return SignalRule.of(SignalCode.ABSENT_WITHOUT_NOTICE, Severity.MEDIUM,
                List.of(new Threshold("absences", 2, Unit.TIMES, 1, 20), new Threshold("weeks", 4, Unit.WEEKS, 1, 26)),
                "/personen/{person}/verwijzingen", """
                        select a.person_id, a.referral_id::text as occasion,
                            (array_agg(a.session_on order by a.session_on))[cast(:absences as integer)] as since,
                            jsonb_build_object('absences', count(*), 'weeks', cast(:weeks as integer),
                                'lastAbsence', max(a.session_on), 'threshold', cast(:absences as integer)) as facts
                        from partner_attendance a
                        where a.municipality_id = :municipality and not a.present and a.notified = false
                            and a.session_on > cast(:today as date) - 7 * cast(:weeks as integer)
                            and a.session_on <= cast(:today as date)
                            and (cast(:person as uuid) is null or a.person_id = :person)
                        group by a.person_id, a.referral_id
                        having count(*) >= cast(:absences as integer)""");
    }

}
