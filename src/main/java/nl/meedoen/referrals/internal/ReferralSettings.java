package nl.meedoen.referrals.internal;

import java.util.ArrayList;
import java.util.List;

import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each municipality's referral rules, in the table {@code referral_setting}; a
 * municipality without a row has the defaults: a referral without a partner response
 * after 14 days is waiting too long, and the partner sees the person's shared data up to
 * 30 days after the referral ended. Both are the municipality's choice.
 */
@Component
public class ReferralSettings {

    /**
     * The rules of one municipality, with the version of its row (0: no row yet, the
     * defaults).
     */
    public record Rules(int responseDays, int partnerGraceDays, int version) {

        public static final Rules DEFAULTS = new Rules(14, 30, 0);

    }

    private final JdbcClient jdbc;

    ReferralSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Rules current() {
        return jdbc
            .sql("select response_days, partner_grace_days, version from referral_setting where municipality_id = :m")
            .param("m", Tenancy.require())
            .query(Rules.class)
            .optional()
            .orElse(Rules.DEFAULTS);
    }

    /**
     * Changes the rules of the version the caller read ({@code StaleVersionException}
     * otherwise); a rule left {@code null} keeps its value.
     */
    @Transactional
    public Rules change(@Nullable Integer responseDays, @Nullable Integer partnerGraceDays, int version) {
        Rules current = current();
        int days = responseDays == null ? current.responseDays() : responseDays;
        int grace = partnerGraceDays == null ? current.partnerGraceDays() : partnerGraceDays;
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (days < 1 || days > 365) {
            errors.add(new InvalidInputException.FieldError("responseDays", "referrals.settings.responseDays"));
        }
        if (grace < 0 || grace > 365) {
            errors.add(new InvalidInputException.FieldError("partnerGraceDays", "referrals.settings.partnerGraceDays"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (version != current.version()) {
            throw new StaleVersionException();
        }
        int changed = jdbc.sql("""
                insert into referral_setting (municipality_id, response_days, partner_grace_days, version)
                values (:m, :d, :g, 1)
                on conflict (municipality_id) do update set response_days = excluded.response_days,
                    partner_grace_days = excluded.partner_grace_days, version = referral_setting.version + 1
                where referral_setting.version = :v""")
            .param("m", Tenancy.require())
            .param("d", days)
            .param("g", grace)
            .param("v", version)
            .update();
        if (changed == 0) {
            throw new StaleVersionException();
        }
        return current();
    }

}
