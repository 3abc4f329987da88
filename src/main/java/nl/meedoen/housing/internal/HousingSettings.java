package nl.meedoen.housing.internal;

import java.time.LocalDate;
import java.util.UUID;

import nl.meedoen.platform.Tenancy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each municipality's housing rules, in the table {@code housing_setting}; a municipality
 * without a row has the defaults: 10 weeks to find a home, 2 more for the move, and
 * family members who join later count toward the quota.
 */
@Component
public class HousingSettings {

    /** The rules of one municipality. */
    public record Rules(int housingWeeks, int moveWeeks, boolean familyReunificationCounts) {

        public static final Rules DEFAULTS = new Rules(10, 2, true);

        /**
         * The day by which the matched persons must have a home: the match date plus the
         * housing weeks.
         */
        public LocalDate housingDeadline(LocalDate matchDate) {
            return matchDate.plusWeeks(housingWeeks);
        }

        /**
         * The day by which they must have moved: the housing deadline plus the move
         * weeks.
         */
        public LocalDate moveDeadline(LocalDate matchDate) {
            return housingDeadline(matchDate).plusWeeks(moveWeeks);
        }

        /**
         * Once the lease start is known, the move period runs from it: the day by which
         * the persons must have moved is the lease start plus the move weeks.
         */
        public LocalDate moveDeadlineFromLease(LocalDate leaseStart) {
            return leaseStart.plusWeeks(moveWeeks);
        }
    }

    private final JdbcClient jdbc;

    HousingSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Rules current() {
        return jdbc.sql("""
                select housing_weeks, move_weeks, family_reunification_counts from housing_setting
                where municipality_id = :m""")
            .param("m", Tenancy.require())
            .query(Rules.class)
            .optional()
            .orElse(Rules.DEFAULTS);
    }

    @Transactional
    public void change(Rules rules) {
        UUID municipality = Tenancy.require();
        jdbc.sql("""
                insert into housing_setting (municipality_id, housing_weeks, move_weeks, family_reunification_counts)
                values (:m, :h, :mv, :f)
                on conflict (municipality_id) do update set housing_weeks = excluded.housing_weeks,
                    move_weeks = excluded.move_weeks, family_reunification_counts = excluded.family_reunification_counts
                """)
            .param("m", municipality)
            .param("h", rules.housingWeeks())
            .param("mv", rules.moveWeeks())
            .param("f", rules.familyReunificationCounts())
            .update();
    }

}
