package nl.meedoen.monitoring.internal;

import java.util.ArrayList;
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

    public record Sheet(MonitoringPeriod period, Scope scope, int threshold, List<Line> lines) {
    }

    /** One indicator over several periods, oldest first. */
    public record Trend(Indicator indicator, List<MonitoringPeriod> periods, List<Figure> figures) {
    }

    private final IndicatorEngine engine;

    private final MonitoringSettings settings;

    private final ReferenceFigures references;

    Monitor(IndicatorEngine engine, MonitoringSettings settings, ReferenceFigures references) {
        this.engine = engine;
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
     * The sheet of the period and the trends over the periods, computed together in one
     * statement (the period and the one before it are usually among the trend's).
     */
    @Transactional(readOnly = true)
    public Overview overview(MonitoringPeriod period, List<MonitoringPeriod> trend, Scope scope) {
        int threshold = settings.current().threshold();
        List<MonitoringPeriod> periods = new ArrayList<>(trend);
        periods.add(period);
        periods.add(period.previous());
        List<Indicator> indicators = engine.indicators();
        List<List<Figure>> perPeriod = engine.compute(periods, scope.team())
            .stream()
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
        return new Overview(new Sheet(period, scope, threshold, lines), trends);
    }

}
