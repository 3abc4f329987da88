package nl.meedoen.monitoring;

import java.math.BigDecimal;
import java.util.List;

import nl.meedoen.monitoring.Indicator.Measure;
import nl.meedoen.monitoring.internal.Figure;
import nl.meedoen.monitoring.internal.Suppression;
import nl.meedoen.monitoring.internal.Suppression.Raw;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small-count suppression on hand-made figures: counts, shares and averages at the
 * threshold and one below, and the secondary suppression of a table whose cells add up to
 * a total.
 */
class SuppressionTests {

    static Raw count(String code, int n) {
        return new Raw(code, Measure.COUNT, null, BigDecimal.valueOf(n), n);
    }

    static Raw cell(String code, int n) {
        return new Raw(code, Measure.COUNT, "TABLE", BigDecimal.valueOf(n), n);
    }

    static Raw share(String code, int meeting, int of) {
        return new Raw(code, Measure.SHARE, null, BigDecimal.valueOf(meeting), of);
    }

    static List<Boolean> suppressed(List<Figure> figures) {
        return figures.stream().map(Figure::suppressed).toList();
    }

    @Test
    void aCountBelowTheThresholdIsSuppressedAndOneAtItIsShown() {
        List<Figure> figures = Suppression.apply(List.of(count("A", 4), count("B", 5), count("C", 0)), 5);
        assertThat(suppressed(figures)).containsExactly(true, false, true);
        assertThat(figures.get(0).value()).isNull();
        assertThat(figures.get(1).value()).isEqualByComparingTo("5");
    }

    @Test
    void aShareIsNotGivenWhenItsBaseOrEitherSideIsBelowTheThreshold() {
        List<Figure> figures = Suppression.apply(List.of(share("BASE", 3, 4), share("MEETING", 4, 20),
                share("FAILING", 16, 20), share("SHOWN", 5, 10), share("ZERO", 0, 20)), 5);
        assertThat(suppressed(figures)).containsExactly(true, true, true, false, true);
        assertThat(figures.get(3).value()).isEqualByComparingTo("50.0");
    }

    @Test
    void anAverageOverFewerPersonsIsNotGiven() {
        List<Figure> figures = Suppression
            .apply(List.of(new Raw("FEW", Measure.AVERAGE, null, new BigDecimal("12.34"), 4),
                    new Raw("ENOUGH", Measure.AVERAGE, null, new BigDecimal("12.34"), 5),
                    new Raw("QUOTA", Measure.FIGURE, null, BigDecimal.ONE, 0)), 5);
        assertThat(suppressed(figures)).containsExactly(true, false, false);
        assertThat(figures.get(1).value()).isEqualByComparingTo("12.3");
        assertThat(figures.get(2).value()).isEqualByComparingTo("1");
    }

    @Test
    void aSingleSuppressedCellTakesTheSmallestOtherCellWithIt() {
        // total 25 = 3 + 10 + 12: with only the 3 hidden, 25 - 10 - 12 gives it back
        List<Figure> figures = Suppression
            .apply(List.of(count("TOTAL", 25), cell("A", 3), cell("B", 12), cell("C", 10)), 5);
        assertThat(suppressed(figures)).containsExactly(false, true, false, true);
    }

    @Test
    void suppressedCellsTogetherHoldAtLeastTheThreshold() {
        // 1 and 2 hidden still narrow both down to 3 together: a third cell goes too
        List<Figure> figures = Suppression.apply(List.of(cell("A", 1), cell("B", 2), cell("C", 30), cell("D", 40)), 5);
        assertThat(suppressed(figures)).containsExactly(true, true, true, false);
    }

    @Test
    void aTableWithoutSmallCellsIsShownWhole() {
        List<Figure> figures = Suppression.apply(List.of(cell("A", 5), cell("B", 6), count("OTHER", 2)), 5);
        assertThat(suppressed(figures)).containsExactly(false, false, true);
    }

    @Test
    void theThresholdIsTheMunicipalitysSetting() {
        assertThat(suppressed(Suppression.apply(List.of(count("A", 7)), 10))).containsExactly(true);
        assertThat(suppressed(Suppression.none(List.of(count("A", 1))))).containsExactly(false);
    }

}
