package nl.meedoen.platform.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The coordinates of a server-rendered bar chart with one bar per period: drawn with
 * plain SVG elements by a page and with the same coordinates by a PDF, so both show the
 * same chart. Each bar carries its value as text above it (the chart never relies on
 * colour), and a value that may not be shown (suppressed) gets no bar but its text ("&lt;
 * 5") on the baseline. The page puts the data table beside it as its text alternative.
 */
public record BarChart(int width, int height, int baseline, List<Bar> bars, List<Tick> ticks) {

    public static final int HEIGHT = 220;

    public static final int TOP = 24;

    public static final int BASELINE = 170;

    public static final int LEFT = 48;

    public static final int SLOT = 56;

    public static final int BAR = 28;

    /**
     * One bar: its label, x, top and height, the value as text, and whether it is drawn.
     */
    public record Bar(String label, int x, int y, int height, String text, boolean drawn, int labelX) {
    }

    public record Tick(int y, String value) {
    }

    /** A point of the chart: its label, the value (null when not shown) and its text. */
    public record Point(String label, @Nullable BigDecimal value, String text) {
    }

    public static BarChart of(List<Point> points) {
        double max = 0;
        for (Point point : points) {
            if (point.value() != null) {
                max = Math.max(max, point.value().doubleValue());
            }
        }
        double step = niceStep(max);
        double top = Math.max(step, Math.ceil(max / step) * step);
        double scale = (BASELINE - TOP) / top;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            int x = LEFT + 12 + i * SLOT;
            int barHeight = point.value() == null ? 0 : (int) Math.round(point.value().doubleValue() * scale);
            bars.add(new Bar(point.label(), x, BASELINE - barHeight, barHeight, point.text(), point.value() != null,
                    x + BAR / 2));
        }
        List<Tick> ticks = new ArrayList<>();
        for (double value = 0; value <= top + step / 2; value += step) {
            ticks.add(new Tick((int) Math.round(BASELINE - value * scale), format(value)));
        }
        return new BarChart(Math.max(320, LEFT + 24 + points.size() * SLOT), HEIGHT, BASELINE, bars, ticks);
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : BigDecimal.valueOf(value).toPlainString();
    }

    private static double niceStep(double max) {
        for (double step : new double[] { 0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000,
                25000, 50000, 100000 }) {
            if (max / step <= 5) {
                return step;
            }
        }
        return Math.ceil(max / 5 / 100000) * 100000;
    }

}
