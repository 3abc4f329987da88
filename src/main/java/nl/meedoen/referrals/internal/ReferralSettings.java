package nl.meedoen.referrals.internal;

import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.Tenancy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each municipality's referral rules, in the table {@code referral_setting}; a
 * municipality without a row has the default: a referral without a partner response after
 * 14 days is waiting too long.
 */
@Component
public class ReferralSettings {

    /** The rules of one municipality. */
    public record Rules(int responseDays) {

        public static final Rules DEFAULTS = new Rules(14);

    }

    private final JdbcClient jdbc;

    ReferralSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Rules current() {
        return jdbc.sql("select response_days from referral_setting where municipality_id = :m")
            .param("m", Tenancy.require())
            .query(Rules.class)
            .optional()
            .orElse(Rules.DEFAULTS);
    }

    @Transactional
    public Rules change(int responseDays) {
        if (responseDays < 1 || responseDays > 365) {
            throw new InvalidInputException("responseDays", "referrals.settings.responseDays");
        }
        jdbc.sql("""
                insert into referral_setting (municipality_id, response_days) values (:m, :d)
                on conflict (municipality_id) do update set response_days = excluded.response_days""")
            .param("m", Tenancy.require())
            .param("d", responseDays)
            .update();
        return new Rules(responseDays);
    }

}
