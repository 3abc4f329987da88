package nl.meedoen.trajectories.internal;

import java.time.LocalDate;

import nl.meedoen.platform.Tenancy;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each municipality's trajectory durations, in the table {@code trajectory_setting}; a municipality without a row
 * has the defaults: 6 months of social guidance, extended at most once by at most 3 months; the PIP due 10 weeks
 * after DUO's notice or the BRP registration (at least 2 weeks after third-party information); an integration
 * period of 3 years with a route switch possible in its first 18 months; 12 hours of participation declaration
 * trajectory (PVT).
 */
@Component
public class TrajectorySettings {

    /** The durations of one municipality. */
    public record Rules(int guidanceMonths, int extensionMonths, int planWeeks, int thirdPartyWeeks,
            int integrationYears, int routeSwitchMonths, int pvtHours) {

        public static final Rules DEFAULTS = new Rules(6, 3, 10, 2, 3, 18, 12);

        /**
         * The last day of guidance that starts on {@code start}: the start plus the guidance months (31 August plus
         * 6 months is the last day of February).
         */
        public LocalDate guidanceEnd(LocalDate start) {
            return start.plusMonths(guidanceMonths);
        }

        /**
         * The PIP is due the plan weeks after the later of DUO's notice and the BRP registration; when information
         * from a third party was asked for, at least the third-party weeks after it arrived.
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

        /** The last day of the integration period: its start plus the integration years, minus one day. */
        public LocalDate integrationPeriodEnd(LocalDate adoptedOn) {
            return integrationPeriodStart(adoptedOn).plusYears(integrationYears).minusDays(1);
        }

        /** The last day a route switch is possible: the start plus the route-switch months, minus one day. */
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

    @Transactional(readOnly = true)
    public Rules current() {
        return jdbc.sql("""
                select guidance_months, extension_months, plan_weeks, third_party_weeks, integration_years,
                    route_switch_months, pvt_hours from trajectory_setting where municipality_id = :m""")
            .param("m", Tenancy.require())
            .query(Rules.class)
            .optional()
            .orElse(Rules.DEFAULTS);
    }

    @Transactional
    public void change(Rules rules) {
        jdbc.sql("""
                insert into trajectory_setting (municipality_id, guidance_months, extension_months, plan_weeks,
                    third_party_weeks, integration_years, route_switch_months, pvt_hours)
                values (:m, :g, :e, :p, :t, :y, :r, :h)
                on conflict (municipality_id) do update set guidance_months = excluded.guidance_months,
                    extension_months = excluded.extension_months, plan_weeks = excluded.plan_weeks,
                    third_party_weeks = excluded.third_party_weeks, integration_years = excluded.integration_years,
                    route_switch_months = excluded.route_switch_months, pvt_hours = excluded.pvt_hours""")
            .param("m", Tenancy.require())
            .param("g", rules.guidanceMonths())
            .param("e", rules.extensionMonths())
            .param("p", rules.planWeeks())
            .param("t", rules.thirdPartyWeeks())
            .param("y", rules.integrationYears())
            .param("r", rules.routeSwitchMonths())
            .param("h", rules.pvtHours())
            .update();
    }
}
