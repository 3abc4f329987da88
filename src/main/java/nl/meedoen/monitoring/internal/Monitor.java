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

    @Transactional(readOnly = true)
    public Sheet sheet(MonitoringPeriod period, Scope scope) {
        int threshold = settings.current().threshold();
        List<Figure> now = figures(period, scope, threshold);
        List<Figure> before = figures(period.previous(), scope, threshold);
        Map<String, ReferenceFigures.Reference> national = references.all();
        List<Line> lines = new ArrayList<>();
        List<Indicator> indicators = engine.indicators();
        for (int i = 0; i < indicators.size(); i++) {
            lines.add(new Line(indicators.get(i), now.get(i), before.get(i), national.get(indicators.get(i).code())));
        }
        return new Sheet(period, scope, threshold, lines);
    }

    /** The figures of the periods, per indicator. */
    @Transactional(readOnly = true)
    public List<Trend> trends(List<MonitoringPeriod> periods, Scope scope) {
        int threshold = settings.current().threshold();
        List<List<Figure>> perPeriod = new ArrayList<>();
        for (MonitoringPeriod period : periods) {
            perPeriod.add(figures(period, scope, threshold));
        }
        List<Trend> trends = new ArrayList<>();
        List<Indicator> indicators = engine.indicators();
        for (int i = 0; i < indicators.size(); i++) {
            List<Figure> figures = new ArrayList<>();
            for (List<Figure> period : perPeriod) {
                figures.add(period.get(i));
            }
            trends.add(new Trend(indicators.get(i), periods, figures));
        }
        return trends;
    }

    private List<Figure> figures(MonitoringPeriod period, Scope scope, int threshold) {
        List<Suppression.Raw> raws = engine.compute(period, scope.team());
        return scope.suppressed() ? Suppression.apply(raws, threshold) : Suppression.none(raws);
    }

}
