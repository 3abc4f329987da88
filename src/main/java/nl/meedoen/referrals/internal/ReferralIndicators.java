package nl.meedoen.referrals.internal;

import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.Indicator.Area;
import nl.meedoen.monitoring.Indicator.Measure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The policy monitor's indicators on referrals: the referrals sent in the period, where
 * they stand now (cells that add up to the total, so suppressed together), the partners'
 * response time and the wait until the provision started.
 */
@Configuration(proxyBeanMethods = false)
class ReferralIndicators {

    /** The referrals sent in the period. */
    private static final String SENT = """
            select r.id, r.status, r.sent_on from referral r join population on population.person_id = r.person_id
            where r.municipality_id = :municipality and r.sent_on >= cast(:from as date)
                and r.sent_on < cast(:until as date)""";

    @Bean
    Indicator referralsSentIndicator() {
        return Indicator.of("REFERRALS_SENT", Area.PROVISIONS, Measure.COUNT, null,
                "select count(*) as amount, count(*) as persons from (" + SENT + ") r");
    }

    @Bean
    Indicator referralsWaitingIndicator() {
        return outcome("REFERRALS_WAITING", "'SENT'");
    }

    @Bean
    Indicator referralsRunningIndicator() {
        return outcome("REFERRALS_RUNNING", "'ACCEPTED', 'STARTED'");
    }

    @Bean
    Indicator referralsCompletedIndicator() {
        return outcome("REFERRALS_COMPLETED", "'COMPLETED'");
    }

    @Bean
    Indicator referralsDeclinedIndicator() {
        return outcome("REFERRALS_DECLINED", "'DECLINED'");
    }

    @Bean
    Indicator referralsEndedEarlyIndicator() {
        return outcome("REFERRALS_ENDED_EARLY", "'DROPPED_OUT', 'WITHDRAWN'");
    }

    private static Indicator outcome(String code, String statuses) {
        return Indicator.of(code, Area.PROVISIONS, Measure.COUNT, "REFERRAL_OUTCOME",
                "select count(*) as amount, count(*) as persons from (" + SENT + ") r where r.status in (" + statuses
                        + ")");
    }

    @Bean
    Indicator referralResponseDaysIndicator() {
        return days("REFERRAL_RESPONSE_DAYS", "'ACCEPTED', 'DECLINED'");
    }

    @Bean
    Indicator referralWaitDaysIndicator() {
        return days("REFERRAL_WAIT_DAYS", "'STARTED'");
    }

    /** The average days from sending to the first step to one of the statuses. */
    private static Indicator days(String code, String statuses) {
        return Indicator.of(code, Area.PROVISIONS, Measure.AVERAGE, null, """
                select avg(first_step - sent_on) as amount, count(first_step) as persons from (
                    select r.sent_on, (select min(t.on_date) from referral_transition t
                        where t.municipality_id = :municipality and t.referral_id = r.id
                            and t.to_status in (%s)) as first_step
                    from (%s) r) steps""".formatted(statuses, SENT));
    }

}
