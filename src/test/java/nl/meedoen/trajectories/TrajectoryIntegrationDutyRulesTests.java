package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.Map;

import nl.meedoen.law.NationalRules;
import nl.meedoen.law.RuleNotInForceException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.trajectories.internal.Basis;
import nl.meedoen.trajectories.internal.IntegrationDuties;
import nl.meedoen.trajectories.internal.LegalDates;
import nl.meedoen.trajectories.internal.TrajectorySettings.Rules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrajectoryIntegrationDutyRulesTests {

    static final LegalDates LEGAL = new LegalDates(new NationalRules());

    @ParameterizedTest(name = "DUO {0}, BRP {1}, third party {2}: PIP due {3}")
    @CsvSource({ "2024-01-05, 2024-01-10, , 2024-03-20", "2024-01-10, 2024-01-05, , 2024-03-20",
            "2023-12-21, 2023-12-01, , 2024-02-29", "2024-01-05, 2024-01-10, 2024-03-15, 2024-03-29",
            "2024-01-05, 2024-01-10, 2024-02-01, 2024-03-20", "2024-01-05, 2024-01-10, 2024-03-06, 2024-03-20" })
    void planDueTenWeeksAfterTheLaterOfNoticeAndRegistrationAndTwoWeeksAfterThirdPartyInformation(LocalDate duo,
            LocalDate brp, LocalDate thirdParty, LocalDate due) {
        assertThat(LEGAL.planDue(duo, brp, thirdParty, Rules.DEFAULTS.thirdPartyWeeks()).date()).isEqualTo(due);
    }

    @ParameterizedTest(name = "PIP adopted {0}: period {1} to {2}, route switch until {3}")
    @CsvSource({ "2024-02-28, 2024-02-29, 2027-02-27, 2025-08-28", "2024-02-29, 2024-03-01, 2027-02-28, 2025-08-31",
            "2025-01-15, 2025-01-16, 2028-01-15, 2026-07-15", "2023-08-30, 2023-08-31, 2026-08-30, 2025-02-27",
            "2025-12-31, 2026-01-01, 2028-12-31, 2027-06-30" })
    void theIntegrationPeriodStartsTheDayAfterThePlanAndLastsThreeYearsWithEighteenMonthsToSwitchRoute(
            LocalDate adopted, LocalDate start, LocalDate end, LocalDate routeSwitch) {
        assertThat(LEGAL.integrationPeriodStart(adopted).date()).isEqualTo(start);
        assertThat(LEGAL.integrationPeriodEnd(adopted).date()).isEqualTo(end);
        assertThat(LEGAL.routeSwitchDeadline(adopted).date()).isEqualTo(routeSwitch);
    }

    @ParameterizedTest(name = "BRP {0}: PIP due {1}")
    @CsvSource({ "2024-01-01, 2024-03-11", "2025-01-01, 2025-03-12", "2024-02-19, 2024-04-29", "2023-12-31, 2024-03-10",
            "2022-01-01, 2022-03-12" })
    void theTenWeeksOfThePipCountTheLeapDayAsAnyOtherDay(LocalDate brp, LocalDate due) {
        Basis basis = LEGAL.planDue(brp.minusDays(3), brp, null, 2);

        assertThat(basis.date()).isEqualTo(due);
        assertThat(basis.rule()).isEqualTo("PLAN_WEEKS");
        assertThat(basis.inputs()).containsExactly(Map.entry("brpRegistrationDate", brp));
        assertThat(basis.ruleVersion()).isEqualTo("2022.01");
    }

    @Test
    void thePipWeeksAreTheLawsNotTheMunicipalitysAndBeforeTheWetInburgering2021ThereAreNone() {
        Basis basis = LEGAL.planDue(LocalDate.of(2024, 12, 20), LocalDate.of(2025, 1, 6), null, 2);

        assertThat(basis.date()).isEqualTo(LocalDate.of(2025, 3, 17));
        assertThat(basis.source()).isEqualTo("Wet inburgering 2021");
        assertThat(basis.arguments()).containsExactly("17-03-2025", 10, "06-01-2025", "Wet inburgering 2021");
        assertThatThrownBy(() -> LEGAL.planDue(LocalDate.of(2021, 12, 31), LocalDate.of(2021, 12, 1), null, 2))
            .isInstanceOf(RuleNotInForceException.class);
    }

    @Test
    void datesAfterThirdPartyInformationFollowTheLocalWeeksAndSaySo() {
        Basis basis = LEGAL.planDue(LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 10), LocalDate.of(2024, 3, 15), 2);

        assertThat(basis.date()).isEqualTo(LocalDate.of(2024, 3, 29));
        assertThat(basis.rule()).isEqualTo("thirdPartyWeeks");
        assertThat(basis.ruleVersion()).isNull();
        assertThat(LEGAL
            .planDueAsStored(LocalDate.of(2024, 4, 12), LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 10),
                    LocalDate.of(2024, 3, 15))
            .arguments()).containsExactly("12-04-2024", 4, "15-03-2024", Basis.LOCAL_SOURCE);
    }

    @ParameterizedTest(name = "first PIP {0}: period {1} to {2}, route switch until {3}")
    @CsvSource({ "2025-01-30, 2025-01-31, 2028-01-30, 2026-07-30", "2024-02-28, 2024-02-29, 2027-02-27, 2025-08-28",
            "2027-02-28, 2027-03-01, 2030-02-28, 2028-08-31", "2025-08-30, 2025-08-31, 2028-08-30, 2027-02-27" })
    void aPeriodStartingOnAMonthEndOrALeapDayEndsTheDayBeforeItsThirdAnniversary(LocalDate firstPip, LocalDate start,
            LocalDate end, LocalDate routeSwitch) {
        assertThat(LEGAL.integrationPeriodStart(firstPip).date()).isEqualTo(start);
        assertThat(LEGAL.integrationPeriodEnd(firstPip).date()).isEqualTo(end);
        assertThat(LEGAL.routeSwitchDeadline(firstPip).date()).isEqualTo(routeSwitch);
        assertThat(LEGAL.integrationPeriodEnd(firstPip).source()).isEqualTo("Wet inburgering 2021, art. 11");
    }

    @ParameterizedTest(name = "registered {0} under the Wi2013: PVT by {1}")
    @CsvSource({ "2019-04-20, 2020-04-19", "2020-02-29, 2021-02-27", "2019-01-31, 2020-01-30",
            "2017-10-01, 2018-09-30" })
    void underTheWetInburgering2013TheParticipationDeclarationIsDueWithinAYearOfRegistration(LocalDate registered,
            LocalDate due) {
        Basis basis = LEGAL.wi2013PvtDeadline(registered);

        assertThat(basis.date()).isEqualTo(due);
        assertThat(basis.rule()).isEqualTo("WI2013_PVT_MONTHS");
        assertThat(basis.source()).isEqualTo("Wet inburgering (2013)");
    }

    @Test
    void thePlanIsNeverAdoptedBeforeTheNotice() {
        assertThatThrownBy(() -> IntegrationDuties.planNotBeforeNotice(LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 2), "adoptedOn"))
            .isInstanceOf(InvalidInputException.class);
        IntegrationDuties.planNotBeforeNotice(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 2), "adoptedOn");
    }

}
