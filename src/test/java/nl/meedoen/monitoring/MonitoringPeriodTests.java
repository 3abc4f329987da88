package nl.meedoen.monitoring;

import java.time.LocalDate;

import nl.meedoen.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Periods read strictly, with their days and the period before. */
class MonitoringPeriodTests {

    @Test
    void readsHalfYearsAndYears() {
        MonitoringPeriod h2 = MonitoringPeriod.parse("2025-H2");
        assertThat(h2.from()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(h2.until()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(h2.previous()).hasToString("2025-H1");
        assertThat(MonitoringPeriod.parse("2025-H1").previous()).hasToString("2024-H2");
        MonitoringPeriod year = MonitoringPeriod.parse("2024");
        assertThat(year.from()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(year.until()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(year.previous()).hasToString("2023");
        assertThat(h2.trend(3)).extracting(MonitoringPeriod::toString).containsExactly("2024-H2", "2025-H1", "2025-H2");
    }

    @Test
    void refusesAnythingElse() {
        for (String text : new String[] { "2025-H3", "2025-h1", " 2025-H1", "2025-H", "25-H1", "", "2025H1" }) {
            assertThatThrownBy(() -> MonitoringPeriod.parse(text)).as(text).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void theLastCompleteHalfYear() {
        assertThat(MonitoringPeriod.lastCompleteHalfYear(LocalDate.of(2025, 6, 30))).hasToString("2024-H2");
        assertThat(MonitoringPeriod.lastCompleteHalfYear(LocalDate.of(2025, 7, 1))).hasToString("2025-H1");
    }

}
