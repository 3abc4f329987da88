package nl.meedoen.plans;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageChartTests {

    @Test
    void aHigherLevelIsDrawnHigherAndALaterDateFurtherRight() {
        LanguageChart chart = LanguageChart.of(List.of(level(Skill.SPEAKING, LanguageLevel.A1, "2025-01-01"),
                level(Skill.SPEAKING, LanguageLevel.B1, "2025-07-01")), LABELS);

        List<LanguageChart.Point> points = chart.series().get(0).markers();
        assertThat(points.get(1).y()).isLessThan(points.get(0).y());
        assertThat(points.get(1).x()).isGreaterThan(points.get(0).x());
        assertThat(points.get(0).x()).isEqualTo(LanguageChart.LEFT);
        assertThat(points.get(1).x()).isEqualTo(LanguageChart.WIDTH - LanguageChart.RIGHT);
        assertThat(points.get(1).title()).isEqualTo("01-07-2025: B1");
    }

    @Test
    void eachSkillHasItsOwnLineAndTheTableHasARowPerDate() {
        LanguageChart chart = LanguageChart.of(List.of(level(Skill.READING, LanguageLevel.A0, "2025-01-01"),
                level(Skill.SPEAKING, LanguageLevel.A1, "2025-01-01"),
                level(Skill.READING, LanguageLevel.A1, "2025-04-01")), LABELS);

        assertThat(chart.series()).extracting(LanguageChart.Series::skill)
            .containsExactly(Skill.READING, Skill.SPEAKING);
        assertThat(chart.rows()).hasSize(2);
        assertThat(chart.rows().get(1).of(Skill.SPEAKING)).isNull();
        assertThat(chart.rows().get(1).of(Skill.READING).level()).isEqualTo(LanguageLevel.A1);
        assertThat(chart.levels()).hasSize(LanguageLevel.values().length);
    }

    @Test
    void noLevelsDrawNoLines() {
        LanguageChart chart = LanguageChart.of(List.of(), LABELS);

        assertThat(chart.series()).isEmpty();
        assertThat(chart.rows()).isEmpty();
    }

    private static final LanguageChart.Labels LABELS = new LanguageChart.Labels("Taal", "Uitleg", "Tabel", "Datum",
            Map.of(Skill.READING, "Lezen"), Map.of(), DateTimeFormatter.ofPattern("dd-MM-yyyy"));

    private static LanguageChart.Level level(Skill skill, LanguageLevel level, String on) {
        return new LanguageChart.Level(skill, level, LocalDate.parse(on), AssessmentSource.TEST);
    }

}
