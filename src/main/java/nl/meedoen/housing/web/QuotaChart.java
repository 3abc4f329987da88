package nl.meedoen.housing.web;

import java.util.ArrayList;
import java.util.List;

import nl.meedoen.housing.internal.QuotaLedger;

/**
 * The coordinates of a server-rendered SVG bar chart: per period the official figure
 * beside the number housed. The page draws it with plain SVG elements, so it needs no
 * script; the period table is its text alternative.
 */
record QuotaChart(int width, int height, int baseline, List<Bar> bars, List<Tick> ticks) {

    static final int HEIGHT = 280;

    static final int TOP = 20;

    static final int BASELINE = 210;

    static final int LEFT = 48;

    static final int SLOT = 38;

    static final int BAR = 14;

    /**
     * One period: x of its pair of bars, the heights and the figures (for the tooltips).
     */
    record Bar(String period, int x, int officialY, int officialHeight, int housedY, int housedHeight, int official,
            int housed, int labelX) {
    }

    record Tick(int y, int value) {
    }

    static QuotaChart of(List<QuotaLedger.Line> lines) {
        int max = 1;
        for (QuotaLedger.Line line : lines) {
            max = Math.max(max, Math.max(line.official() == null ? 0 : line.official(), line.housed()));
        }
        int step = niceStep(max);
        int top = ((max + step - 1) / step) * step;
        double scale = (double) (BASELINE - TOP) / top;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            QuotaLedger.Line line = lines.get(i);
            int official = line.official() == null ? 0 : line.official();
            int x = LEFT + 8 + i * SLOT;
            int officialHeight = (int) Math.round(official * scale);
            int housedHeight = (int) Math.round(line.housed() * scale);
            bars.add(new Bar(line.period().toString(), x, BASELINE - officialHeight, officialHeight,
                    BASELINE - housedHeight, housedHeight, official, line.housed(), x + BAR));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int value = 0; value <= top; value += step) {
            ticks.add(new Tick((int) Math.round(BASELINE - value * scale), value));
        }
        return new QuotaChart(Math.max(320, LEFT + 16 + lines.size() * SLOT), HEIGHT, BASELINE, bars, ticks);
    }

    private static int niceStep(int max) {
        for (int step : new int[] { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000 }) {
            if (max / step <= 6) {
                return step;
            }
        }
        return (max / 6 / 1000 + 1) * 1000;
    }
}
