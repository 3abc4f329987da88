package nl.meedoen.trajectories;

import java.time.LocalDate;

import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.trajectories.internal.Guidance;
import nl.meedoen.trajectories.internal.TrajectorySettings.Rules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrajectoryGuidanceRulesTests {

    @ParameterizedTest(name = "guidance starting {0} ends {1}")
    @CsvSource({ "2025-01-15, 2025-07-15", "2023-08-31, 2024-02-29", "2025-08-31, 2026-02-28", "2024-02-29, 2024-08-29",
            "2025-12-31, 2026-06-30" })
    void guidanceEndsSixMonthsAfterItsStartAndAtTheMonthEndWhenThatDayIsMissing(LocalDate start, LocalDate end) {
        assertThat(Rules.DEFAULTS.guidanceEnd(start)).isEqualTo(end);
    }

    @Test
    void aMunicipalitysOwnDurationReplacesTheSixMonths() {
        assertThat(Rules.DEFAULTS.withGuidanceMonths(9).guidanceEnd(LocalDate.of(2025, 5, 31)))
            .isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void anExtensionLastsOneToThreeMonths() {
        assertThat(Rules.DEFAULTS.extensionLengthAllowed(0)).isFalse();
        assertThat(Rules.DEFAULTS.extensionLengthAllowed(1)).isTrue();
        assertThat(Rules.DEFAULTS.extensionLengthAllowed(3)).isTrue();
        assertThat(Rules.DEFAULTS.extensionLengthAllowed(4)).isFalse();
    }

    @Test
    void guidanceNeverStartsBeforeArrival() {
        assertThatThrownBy(() -> Guidance.startsNotBeforeArrival(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2)))
            .isInstanceOf(InvalidInputException.class);
        Guidance.startsNotBeforeArrival(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 2));
        Guidance.startsNotBeforeArrival(LocalDate.of(2025, 3, 2), null);
    }

    @Test
    void extensionAllowedOnlyOnce() {
        Guidance.extensionAllowedOnlyOnce(false);
        assertThatThrownBy(() -> Guidance.extensionAllowedOnlyOnce(true)).isInstanceOf(ConflictException.class)
            .hasMessage("trajectories.extension.onlyOnce");
    }

    @Test
    void anExtensionRequestNeedsAReason() {
        assertThatThrownBy(() -> Guidance.extensionRequestIsComplete(3, "  ", Rules.DEFAULTS))
            .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Guidance.extensionRequestIsComplete(4, "Zorg", Rules.DEFAULTS))
            .isInstanceOf(InvalidInputException.class);
        Guidance.extensionRequestIsComplete(2, "Zorg om gezondheid", Rules.DEFAULTS);
    }

    @ParameterizedTest(name = "guidance {0} to {1} extended by {2} months ends {3}")
    @CsvSource({ "2025-08-31, 2026-02-28, 3, 2026-05-31", "2023-08-31, 2024-02-29, 3, 2024-05-31",
            "2024-02-29, 2024-08-29, 3, 2024-11-29", "2025-01-15, 2025-07-15, 2, 2025-09-15",
            "2025-05-31, 2025-11-30, 3, 2026-02-28" })
    void anExtensionKeepsTheDayOfTheMonthOfTheStart(LocalDate start, LocalDate end, int months, LocalDate extended) {
        assertThat(Guidance.extendedEnd(start, end, months)).isEqualTo(extended);
    }

}
