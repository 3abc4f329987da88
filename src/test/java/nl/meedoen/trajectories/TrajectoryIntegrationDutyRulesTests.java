package nl.meedoen.trajectories;

import java.time.LocalDate;

import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.trajectories.internal.IntegrationDuties;
import nl.meedoen.trajectories.internal.TrajectorySettings.Rules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrajectoryIntegrationDutyRulesTests {

    @ParameterizedTest(name = "DUO {0}, BRP {1}, third party {2}: PIP due {3}")
    @CsvSource({ "2024-01-05, 2024-01-10, , 2024-03-20", "2024-01-10, 2024-01-05, , 2024-03-20",
            "2023-12-21, 2023-12-01, , 2024-02-29", "2024-01-05, 2024-01-10, 2024-03-15, 2024-03-29",
            "2024-01-05, 2024-01-10, 2024-02-01, 2024-03-20", "2024-01-05, 2024-01-10, 2024-03-06, 2024-03-20" })
    void planDueTenWeeksAfterTheLaterOfNoticeAndRegistrationAndTwoWeeksAfterThirdPartyInformation(LocalDate duo,
            LocalDate brp, LocalDate thirdParty, LocalDate due) {
        assertThat(Rules.DEFAULTS.planDue(duo, brp, thirdParty)).isEqualTo(due);
    }

    @ParameterizedTest(name = "PIP adopted {0}: period {1} to {2}, route switch until {3}")
    @CsvSource({ "2024-02-28, 2024-02-29, 2027-02-27, 2025-08-28", "2024-02-29, 2024-03-01, 2027-02-28, 2025-08-31",
            "2025-01-15, 2025-01-16, 2028-01-15, 2026-07-15", "2023-08-30, 2023-08-31, 2026-08-30, 2025-02-27",
            "2025-12-31, 2026-01-01, 2028-12-31, 2027-06-30" })
    void theIntegrationPeriodStartsTheDayAfterThePlanAndLastsThreeYearsWithEighteenMonthsToSwitchRoute(
            LocalDate adopted, LocalDate start, LocalDate end, LocalDate routeSwitch) {
        assertThat(Rules.DEFAULTS.integrationPeriodStart(adopted)).isEqualTo(start);
        assertThat(Rules.DEFAULTS.integrationPeriodEnd(adopted)).isEqualTo(end);
        assertThat(Rules.DEFAULTS.routeSwitchDeadline(adopted)).isEqualTo(routeSwitch);
    }

    @Test
    void aMunicipalitysOwnPlanWeeksReplaceTheTen() {
        Rules eightWeeks = Rules.DEFAULTS.withPlanWeeks(8);
        assertThat(eightWeeks.planDue(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1), null))
            .isEqualTo(LocalDate.of(2025, 2, 26));
    }

    @Test
    void thePlanIsNeverAdoptedBeforeTheNotice() {
        assertThatThrownBy(() -> IntegrationDuties.planNotBeforeNotice(LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 2), "adoptedOn"))
            .isInstanceOf(InvalidInputException.class);
        IntegrationDuties.planNotBeforeNotice(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 2), "adoptedOn");
    }

}
