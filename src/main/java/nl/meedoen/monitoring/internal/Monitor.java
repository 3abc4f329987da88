package nl.meedoen.monitoring.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.MonitoringPeriod;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monitor's sheet for a period: each indicator with its figure, the figure of the
 * previous period and the national reference, suppressed for the municipality as a whole
 * and unsuppressed for a team lead's own caseload.
 */
@Service
public class Monitor {

    /** Whose figures: the municipality (suppressed) or one team's caseload. */
    public record Scope(@Nullable UUID team) {

        public static Scope municipality() {
            return new Scope(null);
        }

        public boolean suppressed() {
            return team == null;
        }

    }

    public record Line(Indicator indicator, Figure figure, Figure previous,
            ReferenceFigures.@Nullable Reference reference) {

        public String code() {
            return indicator.code();
        }

    }

    /**
     * @param updatedAt when the oldest of the stored aggregates the figures come from was
     * computed; null when every figure was computed live for this request
     */
    public record Sheet(MonitoringPeriod period, Scope scope, int threshold, List<Line> lines,
            @Nullable Instant updatedAt) {
    }

    /** One indicator over several periods, oldest first. */
    public record Trend(Indicator indicator, List<MonitoringPeriod> periods, List<Figure> figures) {
    }

    private final IndicatorEngine engine;

    private final MonitoringSettings settings;

    private final ReferenceFigures references;

    private final IndicatorAggregates aggregates;

    Monitor(IndicatorEngine engine, MonitoringSettings settings, ReferenceFigures references,
            IndicatorAggregates aggregates) {
        this.engine = engine;
        this.aggregates = aggregates;
        this.settings = settings;
        this.references = references;
    }

    /** The sheet and the trends of the dashboard, from one statement. */
    public record Overview(Sheet sheet, List<Trend> trends) {
    }

    @Transactional(readOnly = true)
    public Sheet sheet(MonitoringPeriod period, Scope scope) {
        return overview(period, List.of(), scope).sheet();
    }

    /**
     * The sheet of the period and the trends over the periods: from the maintained
     * aggregates where they are fresh ({@link IndicatorAggregates}), the other periods
     * computed live together in one statement (the period and the one before it are
     * usually among the trend's).
     */
    @Transactional(readOnly = true)
    public Overview overview(MonitoringPeriod period, List<MonitoringPeriod> trend, Scope scope) {
        int threshold = settings.current().threshold();
        List<MonitoringPeriod> periods = new ArrayList<>(trend);
        periods.add(period);
        periods.add(period.previous());
        List<Indicator> indicators = engine.indicators();
        Map<MonitoringPeriod, IndicatorAggregates.Stored> stored = aggregates.fresh(periods, scope.team());
        Instant updatedAt = stored.values()
            .stream()
            .map(IndicatorAggregates.Stored::computedAt)
            .min(Comparator.naturalOrder())
            .orElse(null);
        List<List<Figure>> perPeriod = raws(periods, stored, scope).stream()
            .map(raws -> scope.suppressed() ? Suppression.apply(raws, threshold) : Suppression.none(raws))
            .toList();
        List<Figure> now = perPeriod.get(trend.size());
        List<Figure> before = perPeriod.get(trend.size() + 1);
        Map<String, ReferenceFigures.Reference> national = references.all();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            lines.add(new Line(indicators.get(i), now.get(i), before.get(i), national.get(indicators.get(i).code())));
        }
        List<Trend> trends = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            List<Figure> figures = new ArrayList<>();
            for (int p = 0; p < trend.size(); p++) {
                figures.add(perPeriod.get(p).get(i));
            }
            trends.add(new Trend(indicators.get(i), trend, figures));
        }
        return new Overview(new Sheet(period, scope, threshold, lines, updatedAt), trends);
    }

    /**
     * The raw figures of each period in order: stored where fresh, the rest live in one
     * statement.
     */
    private List<List<Suppression.Raw>> raws(List<MonitoringPeriod> periods,
            Map<MonitoringPeriod, IndicatorAggregates.Stored> stored, Scope scope) {
        List<MonitoringPeriod> live = periods.stream().filter(p -> !stored.containsKey(p)).distinct().toList();
        List<List<Suppression.Raw>> computed = live.isEmpty() ? List.of() : engine.compute(live, scope.team());
        return periods.stream()
            .map(p -> stored.containsKey(p) ? stored.get(p).raws() : computed.get(live.indexOf(p)))
            .toList();
    }

}
