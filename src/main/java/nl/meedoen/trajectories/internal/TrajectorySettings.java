package nl.meedoen.trajectories.internal;

import java.time.LocalDate;
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
 * Each municipality's trajectory durations, in the table {@code trajectory_setting}; a
 * municipality without a row has the defaults: 6 months of social guidance, extended at
 * most once by at most 3 months; the PIP due 10 weeks after DUO's notice or the BRP
 * registration (at least 2 weeks after third-party information); an integration period of
 * 3 years with a route switch possible in its first 18 months; 12 hours of participation
 * declaration trajectory (PVT); a step-down from B1 to A2 after 600 NT2 lesson hours; a
 * Z-route of 800 course and 800 participation hours; a MAP practical part of 40 hours; a
 * fine proposal of EUR 250 per no-show at the broad intake; 6 months of ontzorgen; a
 * calendar that looks 8 weeks ahead.
 */
@Component
public class TrajectorySettings {

    /** The durations of one municipality. */
    public record Rules(int guidanceMonths, int extensionMonths, int planWeeks, int thirdPartyWeeks,
            int integrationYears, int routeSwitchMonths, int pvtHours, int stepDownHours, int zCourseHours,
            int zParticipationHours, int mapPracticalHours, int noShowFineEuros, int ontzorgenMonths,
            int calendarWeeks) {

        public static final Rules DEFAULTS = new Rules(6, 3, 10, 2, 3, 18, 12, 600, 800, 800, 40, 250, 6, 8);

        /** The durations with other guidance months (for tests and the settings form). */
        public Rules withGuidanceMonths(int months) {
            return new Rules(months, extensionMonths, planWeeks, thirdPartyWeeks, integrationYears, routeSwitchMonths,
                    pvtHours, stepDownHours, zCourseHours, zParticipationHours, mapPracticalHours, noShowFineEuros,
                    ontzorgenMonths, calendarWeeks);
        }

        /** The durations with other PIP weeks. */
        public Rules withPlanWeeks(int weeks) {
            return new Rules(guidanceMonths, extensionMonths, weeks, thirdPartyWeeks, integrationYears,
                    routeSwitchMonths, pvtHours, stepDownHours, zCourseHours, zParticipationHours, mapPracticalHours,
                    noShowFineEuros, ontzorgenMonths, calendarWeeks);
        }

        /**
         * The last day of ontzorgen that starts with social assistance on
         * {@code assistanceStart}.
         */
        public LocalDate ontzorgenEnd(LocalDate assistanceStart) {
            return assistanceStart.plusMonths(ontzorgenMonths);
        }

        /**
         * The last day of guidance that starts on {@code start}: the start plus the
         * guidance months (31 August plus 6 months is the last day of February).
         */
        public LocalDate guidanceEnd(LocalDate start) {
            return start.plusMonths(guidanceMonths);
        }

        /**
         * The PIP is due the plan weeks after the later of DUO's notice and the BRP
         * registration; when information from a third party was asked for, at least the
         * third-party weeks after it arrived.
         */
        public LocalDate planDue(LocalDate duoNotice, LocalDate brpRegistration, @Nullable LocalDate thirdPartyInfo) {
            LocalDate later = duoNotice.isAfter(brpRegistration) ? duoNotice : brpRegistration;
            LocalDate due = later.plusWeeks(planWeeks);
            if (thirdPartyInfo != null && thirdPartyInfo.plusWeeks(thirdPartyWeeks).isAfter(due)) {
                return thirdPartyInfo.plusWeeks(thirdPartyWeeks);
            }
            return due;
        }

        /** The integration period starts the day after the PIP was adopted. */
        public LocalDate integrationPeriodStart(LocalDate adoptedOn) {
            return adoptedOn.plusDays(1);
        }

        /**
         * The last day of the integration period: its start plus the integration years,
         * minus one day.
         */
        public LocalDate integrationPeriodEnd(LocalDate adoptedOn) {
            return integrationPeriodStart(adoptedOn).plusYears(integrationYears).minusDays(1);
        }

        /**
         * The last day a route switch is possible: the start plus the route-switch
         * months, minus one day.
         */
        public LocalDate routeSwitchDeadline(LocalDate adoptedOn) {
            return integrationPeriodStart(adoptedOn).plusMonths(routeSwitchMonths).minusDays(1);
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

    /**
     * The settings as stored, with the version that a change must name (0 while the
     * defaults apply).
     */
    public record Stored(Rules rules, int version) {
    }

    private static final String COLUMNS = """
            guidance_months, extension_months, plan_weeks, third_party_weeks, integration_years,
            route_switch_months, pvt_hours, step_down_hours, z_course_hours, z_participation_hours,
            map_practical_hours, no_show_fine_euros, ontzorgen_months, calendar_weeks""";

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
                            rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getInt(11),
                            rs.getInt(12), rs.getInt(13), rs.getInt(14)), rs.getInt(15)))
            .optional()
            .orElse(new Stored(Rules.DEFAULTS, 0));
    }

    /**
     * Changes the settings when {@code expectedVersion} is still the stored one; another
     * administrator's change in between is refused. Dates already computed (a guidance
     * end, a PIP due date) keep the rules of their moment.
     */
    @Transactional
    public Stored change(Rules rules, int expectedVersion) {
        validate(rules);
        int changed = jdbc.sql("""
                insert into trajectory_setting as s (municipality_id, %s, version)
                values (:m, :g, :e, :p, :t, :y, :r, :h, :sd, :zc, :zp, :map, :fine, :oz, :cal, 1)
                on conflict (municipality_id) do update set guidance_months = excluded.guidance_months,
                    extension_months = excluded.extension_months, plan_weeks = excluded.plan_weeks,
                    third_party_weeks = excluded.third_party_weeks, integration_years = excluded.integration_years,
                    route_switch_months = excluded.route_switch_months, pvt_hours = excluded.pvt_hours,
                    step_down_hours = excluded.step_down_hours, z_course_hours = excluded.z_course_hours,
                    z_participation_hours = excluded.z_participation_hours,
                    map_practical_hours = excluded.map_practical_hours,
                    no_show_fine_euros = excluded.no_show_fine_euros, ontzorgen_months = excluded.ontzorgen_months,
                    calendar_weeks = excluded.calendar_weeks, version = s.version + 1
                where s.version = :expected""".formatted(COLUMNS))
            .param("m", Tenancy.require())
            .param("g", rules.guidanceMonths())
            .param("e", rules.extensionMonths())
            .param("p", rules.planWeeks())
            .param("t", rules.thirdPartyWeeks())
            .param("y", rules.integrationYears())
            .param("r", rules.routeSwitchMonths())
            .param("h", rules.pvtHours())
            .param("sd", rules.stepDownHours())
            .param("zc", rules.zCourseHours())
            .param("zp", rules.zParticipationHours())
            .param("map", rules.mapPracticalHours())
            .param("fine", rules.noShowFineEuros())
            .param("oz", rules.ontzorgenMonths())
            .param("cal", rules.calendarWeeks())
            .param("expected", expectedVersion)
            .update();
        if (changed == 0) {
            throw new StaleVersionException();
        }
        return stored();
    }

    /**
     * Each duration within the range the law and practice allow; the field names match
     * the API's.
     */
    public static void validate(Rules r) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        range(errors, "guidanceMonths", r.guidanceMonths(), 1, 24);
        range(errors, "extensionMonths", r.extensionMonths(), 1, 12);
        range(errors, "planWeeks", r.planWeeks(), 1, 52);
        range(errors, "thirdPartyWeeks", r.thirdPartyWeeks(), 0, 26);
        range(errors, "integrationYears", r.integrationYears(), 1, 10);
        range(errors, "routeSwitchMonths", r.routeSwitchMonths(), 1, 60);
        range(errors, "pvtHours", r.pvtHours(), 1, 100);
        range(errors, "stepDownHours", r.stepDownHours(), 0, 5000);
        range(errors, "zCourseHours", r.zCourseHours(), 0, 5000);
        range(errors, "zParticipationHours", r.zParticipationHours(), 0, 5000);
        range(errors, "mapPracticalHours", r.mapPracticalHours(), 0, 1000);
        range(errors, "noShowFineEuros", r.noShowFineEuros(), 0, 10000);
        range(errors, "ontzorgenMonths", r.ontzorgenMonths(), 1, 36);
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
