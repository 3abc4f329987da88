package nl.meedoen.monitoring.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.meedoen.monitoring.Indicator.Measure;
import org.jspecify.annotations.Nullable;

/**
 * Small-count suppression, so that no figure reveals an individual.
 * <ul>
 * <li><b>Primary</b>: a count below the threshold is suppressed (shown as "&lt; 5"); a
 * share is not given when it rests on fewer persons than the threshold, or when fewer
 * than the threshold meet the condition or fail it (either count could be recomputed from
 * the share and its base); an average, median or total over fewer persons is not
 * given.</li>
 * <li><b>Secondary</b>: in a group of counts that add up to a total (persons per learning
 * route, referrals per outcome), the smallest shown cells are suppressed as well until at
 * least two cells are suppressed and the suppressed cells together hold at least the
 * threshold, so a suppressed cell can be recomputed neither from the total and the other
 * cells nor narrowed down below the threshold.</li>
 * </ul>
 */
public final class Suppression {

    /** A figure as computed, before suppression: the query's amount and persons. */
    public record Raw(String code, Measure measure, @Nullable String group, BigDecimal amount, long persons) {
    }

    private Suppression() {
    }

    /** The figures unsuppressed (a team lead's own caseload). */
    public static List<Figure> none(List<Raw> raws) {
        return raws.stream().map(Suppression::figure).toList();
    }

    public static List<Figure> apply(List<Raw> raws, int threshold) {
        List<Figure> figures = new ArrayList<>();
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (Raw raw : raws) {
            Figure figure = figure(raw);
            figures.add(primary(raw, threshold) ? figure.suppress() : figure);
            if (raw.group() != null && raw.measure() == Measure.COUNT) {
                groups.computeIfAbsent(raw.group(), g -> new ArrayList<>()).add(figures.size() - 1);
            }
        }
        for (List<Integer> cells : groups.values()) {
            secondary(raws, figures, cells, threshold);
        }
        return figures;
    }

    static boolean primary(Raw raw, int threshold) {
        long amount = raw.amount().setScale(0, RoundingMode.HALF_UP).longValue();
        return switch (raw.measure()) {
            case COUNT -> amount < threshold;
            case SHARE -> raw.persons() < threshold || amount < threshold || raw.persons() - amount < threshold;
            case AVERAGE, MEDIAN, TOTAL -> raw.persons() < threshold;
            case FIGURE -> false;
        };
    }

    private static void secondary(List<Raw> raws, List<Figure> figures, List<Integer> cells, int threshold) {
        List<Integer> suppressed = cells.stream().filter(i -> figures.get(i).suppressed()).toList();
        if (suppressed.isEmpty()) {
            return;
        }
        List<Integer> shown = new ArrayList<>(cells.stream().filter(i -> !figures.get(i).suppressed()).toList());
        shown.sort(Comparator.comparing((Integer i) -> raws.get(i).amount()).thenComparing(i -> i));
        int count = suppressed.size();
        BigDecimal sum = suppressed.stream().map(i -> raws.get(i).amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        while (!shown.isEmpty() && (count < 2 || sum.compareTo(BigDecimal.valueOf(threshold)) < 0)) {
            int next = shown.remove(0);
            figures.set(next, figures.get(next).suppress());
            count++;
            sum = sum.add(raws.get(next).amount());
        }
    }

    private static Figure figure(Raw raw) {
        BigDecimal value = switch (raw.measure()) {
            case COUNT, FIGURE -> raw.amount().setScale(0, RoundingMode.HALF_UP);
            case SHARE -> raw.persons() == 0 ? null
                    : raw.amount()
                        .multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(raw.persons()), 1, RoundingMode.HALF_UP);
            case AVERAGE, MEDIAN, TOTAL -> raw.persons() == 0 ? null : raw.amount().setScale(1, RoundingMode.HALF_UP);
        };
        BigDecimal numerator = raw.measure() == Measure.SHARE && value != null
                ? raw.amount().setScale(0, RoundingMode.HALF_UP) : null;
        return new Figure(raw.code(), raw.measure(), raw.group(), value, raw.persons(), value == null, numerator);
    }

}
