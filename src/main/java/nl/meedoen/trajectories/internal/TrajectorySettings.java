package nl.meedoen.trajectories.internal;

import java.time.LocalDate;

import nl.meedoen.platform.Tenancy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each municipality's trajectory durations, in the table {@code trajectory_setting}; a municipality without a row
 * has the defaults: 6 months of social guidance, extended at most once by at most 3 months.
 */
@Component
public class TrajectorySettings {

    /** The durations of one municipality. */
    public record Rules(int guidanceMonths, int extensionMonths) {

        public static final Rules DEFAULTS = new Rules(6, 3);

        /**
         * The last day of guidance that starts on {@code start}: the start plus the guidance months (31 August plus
         * 6 months is the last day of February).
         */
        public LocalDate guidanceEnd(LocalDate start) {
            return start.plusMonths(guidanceMonths);
        }

        /** An extension is between 1 month and the municipality's extension months. */
        public boolean extensionLengthAllowed(int months) {
            return months >= 1 && months <= extensionMonths;
        }
    }

    private final JdbcClient jdbc;

    TrajectorySettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Rules current() {
        return jdbc.sql("select guidance_months, extension_months from trajectory_setting where municipality_id = :m")
            .param("m", Tenancy.require())
            .query(Rules.class)
            .optional()
            .orElse(Rules.DEFAULTS);
    }

    @Transactional
    public void change(Rules rules) {
        jdbc.sql("""
                insert into trajectory_setting (municipality_id, guidance_months, extension_months)
                values (:m, :g, :e)
                on conflict (municipality_id) do update set guidance_months = excluded.guidance_months,
                    extension_months = excluded.extension_months""")
            .param("m", Tenancy.require())
            .param("g", rules.guidanceMonths())
            .param("e", rules.extensionMonths())
            .update();
    }
}
