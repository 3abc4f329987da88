package nl.meedoen.referrals.internal;

import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.Indicator.Area;
import nl.meedoen.monitoring.Indicator.Measure;
import nl.meedoen.monitoring.IndicatorFamily;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy monitor's indicators on referrals: the referrals sent in the period, where
 * they stand now (cells that add up to the total, so suppressed together), the partners'
 * response time and the wait until the provision started.
 */
@Configuration(proxyBeanMethods = false)
class ReferralIndicators {

    private static final String OUTCOME = "REFERRAL_OUTCOME";

    @Bean
    IndicatorFamily referralIndicatorFamily() {
        return IndicatorFamily.of(
                """
                        select c.code, s.period, c.amount, c.persons from (
                            select r.period, count(*) as sent,
                                count(*) filter (where r.status = 'SENT') as waiting,
                                count(*) filter (where r.status in ('ACCEPTED', 'STARTED')) as running,
                                count(*) filter (where r.status = 'COMPLETED') as completed,
                                count(*) filter (where r.status = 'DECLINED') as declined,
                                count(*) filter (where r.status in ('DROPPED_OUT', 'WITHDRAWN')) as ended_early,
                                avg(r.responded_on - r.sent_on) as response, count(r.responded_on) as responded,
                                avg(r.started_on - r.sent_on) as wait, count(r.started_on) as started
                            from (
                                -- the referrals sent in the period, with the day of the partner's first answer and of the start
                                select p.period, r.status, r.sent_on, t.responded_on, t.started_on
                                from periods p
                                    join referral r on r.municipality_id = :municipality and r.sent_on >= p.from_date
                                        and r.sent_on < p.until_date
                                    join population on population.person_id = r.person_id
                                    left join (
                                        select t.referral_id,
                                            min(t.on_date) filter (where t.to_status in ('ACCEPTED', 'DECLINED')) as responded_on,
                                            min(t.on_date) filter (where t.to_status = 'STARTED') as started_on
                                        from referral_transition t
                                        where t.municipality_id = :municipality and t.to_status in ('ACCEPTED', 'DECLINED', 'STARTED')
                                        group by t.referral_id) t on t.referral_id = r.id) r
                            group by r.period) s
                        cross join lateral (values
                            ('REFERRALS_SENT', cast(s.sent as numeric), s.sent),
                            ('REFERRALS_WAITING', s.waiting, s.waiting),
                            ('REFERRALS_RUNNING', s.running, s.running),
                            ('REFERRALS_COMPLETED', s.completed, s.completed),
                            ('REFERRALS_DECLINED', s.declined, s.declined),
                            ('REFERRALS_ENDED_EARLY', s.ended_early, s.ended_early),
                            ('REFERRAL_RESPONSE_DAYS', s.response, s.responded),
                            ('REFERRAL_WAIT_DAYS', s.wait, s.started)) c(code, amount, persons)""",
                new Indicator("REFERRALS_SENT", Area.PROVISIONS, Measure.COUNT, null),
                new Indicator("REFERRALS_WAITING", Area.PROVISIONS, Measure.COUNT, OUTCOME),
                new Indicator("REFERRALS_RUNNING", Area.PROVISIONS, Measure.COUNT, OUTCOME),
                new Indicator("REFERRALS_COMPLETED", Area.PROVISIONS, Measure.COUNT, OUTCOME),
                new Indicator("REFERRALS_DECLINED", Area.PROVISIONS, Measure.COUNT, OUTCOME),
                new Indicator("REFERRALS_ENDED_EARLY", Area.PROVISIONS, Measure.COUNT, OUTCOME),
                new Indicator("REFERRAL_RESPONSE_DAYS", Area.PROVISIONS, Measure.AVERAGE, null),
                new Indicator("REFERRAL_WAIT_DAYS", Area.PROVISIONS, Measure.AVERAGE, null));
    }

}
