package nl.meedoen.trajectories.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.meedoen.law.NationalRules;
import nl.meedoen.law.RuleCode;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each municipality's local trajectory policy, in the table {@code trajectory_setting}; a
 * municipality without a row has the defaults: 6 months of social guidance, extended at
 * most once by at most 3 months; the PIP at least 2 weeks after third-party information
 * arrived; 12 hours of participation declaration trajectory (PVT); a fine proposal of EUR
 * 250 per no-show at the broad intake (never above the legal maximum of the national rule
 * set); a calendar that looks 8 weeks ahead. The legal numbers (PIP weeks, integration
 * period, route switch, step-down, Z-route, MAP, ontzorgen) are the national rule set's
 * ({@link NationalRules}), not settings.
 */
@Component
public class TrajectorySettings {

    /** The local policy of one municipality. */
    public record Rules(int guidanceMonths, int extensionMonths, int thirdPartyWeeks, int pvtHours, int noShowFineEuros,
            int calendarWeeks) {

        public static final Rules DEFAULTS = new Rules(6, 3, 2, 12, 250, 8);

        /** The policy with other guidance months (for tests and the settings form). */
        public Rules withGuidanceMonths(int months) {
            return new Rules(months, extensionMonths, thirdPartyWeeks, pvtHours, noShowFineEuros, calendarWeeks);
        }

        /** The policy with another no-show fine proposal. */
        public Rules withNoShowFineEuros(int euros) {
            return new Rules(guidanceMonths, extensionMonths, thirdPartyWeeks, pvtHours, euros, calendarWeeks);
        }

        /**
         * The last day of guidance that starts on {@code start}: the start plus the
         * guidance months (31 August plus 6 months is the last day of February).
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

    private final NationalRules law;

    private final Clock clock;

    TrajectorySettings(JdbcClient jdbc, NationalRules law, Clock clock) {
        this.jdbc = jdbc;
        this.law = law;
        this.clock = clock;
    }

    /**
     * The settings as stored, with the version that a change must name (0 while the
     * defaults apply).
     */
    public record Stored(Rules rules, int version) {
    }

    private static final String COLUMNS = """
            guidance_months, extension_months, third_party_weeks, pvt_hours, no_show_fine_euros, calendar_weeks""";

    @Transactional(readOnly = true)
    public Rules current() {
        return stored().rules();
    }

    @Transactional(readOnly = true)
    public Stored stored() {
        return jdbc.sql("select " + COLUMNS + ", version from trajectory_setting where municipality_id = :m")
            .param("m", Tenancy.require())
            .query((rs,
                    i) -> new Stored(new Rules(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6)), rs.getInt(7)))
            .optional()
            .orElse(new Stored(Rules.DEFAULTS, 0));
    }

    /**
     * The legal maximum of a municipal fine in force today (the bound of the no-show
     * fine).
     */
    public int fineMaximumToday() {
        return law.rule(RuleCode.FINE_MAX_EUROS, LocalDate.now(clock)).value();
    }

    /**
     * Changes the settings when {@code expectedVersion} is still the stored one; another
     * administrator's change in between is refused. Dates already computed (a guidance
     * end, a PIP due date) keep the rules of their moment.
     */
    @Transactional
    public Stored change(Rules rules, int expectedVersion) {
        validate(rules, fineMaximumToday());
        int changed = jdbc.sql("""
                insert into trajectory_setting as s (municipality_id, %s, version)
                values (:m, :g, :e, :t, :h, :fine, :cal, 1)
                on conflict (municipality_id) do update set guidance_months = excluded.guidance_months,
                    extension_months = excluded.extension_months, third_party_weeks = excluded.third_party_weeks,
                    pvt_hours = excluded.pvt_hours, no_show_fine_euros = excluded.no_show_fine_euros,
                    calendar_weeks = excluded.calendar_weeks, version = s.version + 1
                where s.version = :expected""".formatted(COLUMNS))
            .param("m", Tenancy.require())
            .param("g", rules.guidanceMonths())
            .param("e", rules.extensionMonths())
            .param("t", rules.thirdPartyWeeks())
            .param("h", rules.pvtHours())
            .param("fine", rules.noShowFineEuros())
            .param("cal", rules.calendarWeeks())
            .param("expected", expectedVersion)
            .update();
        if (changed == 0) {
            throw new StaleVersionException();
        }
        return stored();
    }

    /**
     * Each setting within its range; the no-show fine at most the legal maximum
     * {@code fineMaximum}. The field names match the API's.
     */
    public static void validate(Rules r, int fineMaximum) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        range(errors, "guidanceMonths", r.guidanceMonths(), 1, 24);
        range(errors, "extensionMonths", r.extensionMonths(), 1, 12);
        range(errors, "thirdPartyWeeks", r.thirdPartyWeeks(), 0, 26);
        range(errors, "pvtHours", r.pvtHours(), 1, 100);
        if (r.noShowFineEuros() < 0) {
            errors.add(new InvalidInputException.FieldError("noShowFineEuros",
                    "trajectories.settings.range.noShowFineEuros"));
        }
        else if (r.noShowFineEuros() > fineMaximum) {
            errors.add(new InvalidInputException.FieldError("noShowFineEuros",
                    "trajectories.settings.noShowFineEuros.aboveLegalMaximum"));
        }
        range(errors, "calendarWeeks", r.calendarWeeks(), 1, 52);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void range(List<InvalidInputException.FieldError> errors, String field, int value, int min,
            int max) {
        if (value < min || value > max) {
            errors.add(new InvalidInputException.FieldError(field, "trajectories.settings.range." + field));
        }
    }

}
