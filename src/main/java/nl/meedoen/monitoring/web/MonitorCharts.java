package nl.meedoen.monitoring.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.meedoen.monitoring.MonitoringPeriod;
import nl.meedoen.monitoring.internal.Figure;
import nl.meedoen.monitoring.internal.Monitor;
import nl.meedoen.platform.web.BarChart;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The trend charts of the monitor, the same on the dashboard and in the council report:
 * for a few headline indicators their figure over the last periods, each with its data
 * (the chart's text alternative) and a one-line summary.
 */
@Component
class MonitorCharts {

    /** The indicators drawn as a trend, in the order shown. */
    static final List<String> HEADLINES = List.of("HOUSING_HOUSED", "GUIDANCE_ACTIVE", "PIP_ADOPTED",
            "PIP_ON_TIME_SHARE", "LANGUAGE_B1_SPEAKING", "PAID_WORK_SHARE", "REFERRALS_SENT", "SIGNALS_OPEN");

    static final int PERIODS = 6;

    /** A chart with its title, summary and the rows of its data table. */
    record Chart(String code, String title, String summary, BarChart chart, List<BarChart.Point> points) {
    }

    private final IndicatorTexts texts;

    private final MessageSource messages;

    MonitorCharts(IndicatorTexts texts, MessageSource messages) {
        this.texts = texts;
        this.messages = messages;
    }

    /** The periods of the trend charts ending with the period. */
    static List<MonitoringPeriod> periods(MonitoringPeriod period) {
        return period.trend(PERIODS);
    }

    /** The charts of the headline indicators among the overview's trends. */
    List<Chart> charts(Monitor.Overview overview, Locale locale) {
        int threshold = overview.sheet().threshold();
        List<Chart> charts = new ArrayList<>();
        Set<String> wanted = Set.copyOf(HEADLINES);
        List<Monitor.Trend> trends = new ArrayList<>(
                overview.trends().stream().filter(t -> wanted.contains(t.indicator().code())).toList());
        trends.sort((a, b) -> HEADLINES.indexOf(a.indicator().code()) - HEADLINES.indexOf(b.indicator().code()));
        for (Monitor.Trend trend : trends) {
            List<MonitoringPeriod> periods = trend.periods();
            List<BarChart.Point> points = new ArrayList<>();
            for (int i = 0; i < periods.size(); i++) {
                Figure figure = trend.figures().get(i);
                points.add(new BarChart.Point(periods.get(i).toString(), figure.suppressed() ? null : figure.value(),
                        IndicatorTexts.shown(figure, threshold)));
            }
            String title = texts.label(trend.indicator(), locale);
            BarChart.Point first = points.get(0);
            BarChart.Point last = points.get(points.size() - 1);
            String summary = messages.getMessage("monitoring.chart.summary",
                    new Object[] { title, first.label(), first.text(), last.label(), last.text() }, locale);
            charts.add(new Chart(trend.indicator().code(), title, summary, BarChart.of(points), points));
        }
        return charts;
    }

}
