package nl.meedoen.monitoring.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.MonitoringPeriod;
import nl.meedoen.monitoring.internal.Monitor;
import nl.meedoen.platform.Time;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The policy monitor's dashboard: the policy officer's start page. Per area the figures
 * of the chosen period beside the previous period and the national reference, and the
 * headline trends as charts with their data.
 */
@Controller
class MonitorPages {

    /** One row of an area's table, as shown. */
    record Row(String code, String label, String value, String previous, @Nullable String reference,
            @Nullable String referenceSource, String definition, boolean suppressed) {
    }

    record AreaTable(Indicator.Area area, String title, List<Row> rows) {
    }

    private final Monitor monitor;

    private final MonitorScopes scopes;

    private final IndicatorTexts texts;

    private final MonitorCharts charts;

    MonitorPages(Monitor monitor, MonitorScopes scopes, IndicatorTexts texts, MonitorCharts charts) {
        this.monitor = monitor;
        this.scopes = scopes;
        this.texts = texts;
        this.charts = charts;
    }

    @GetMapping("/monitor")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER', 'TEAM_LEAD', 'ADMIN')")
    String dashboard(@RequestParam(name = "periode", required = false) @Nullable String periode, Model model,
            Locale locale, HttpServletResponse response) {
        MonitoringPeriod period = scopes.current();
        if (periode != null && !periode.isEmpty()) {
            Optional<MonitoringPeriod> asked = MonitoringPeriod.tryParse(periode);
            if (asked.isPresent()) {
                period = asked.get();
            }
            else {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("periodInvalid", true);
            }
        }
        Monitor.Overview overview = monitor.overview(period, MonitorCharts.periods(period), scopes.scope());
        Monitor.Sheet sheet = overview.sheet();
        model.addAttribute("period", period);
        model.addAttribute("previous", period.previous());
        model.addAttribute("periods", choices());
        model.addAttribute("teamScope", !sheet.scope().suppressed());
        model.addAttribute("threshold", sheet.threshold());
        model.addAttribute("updatedAt", sheet.updatedAt() == null ? null
                : DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", locale).format(sheet.updatedAt().atZone(Time.ZONE)));
        model.addAttribute("areas", tables(sheet, locale));
        model.addAttribute("charts", charts.charts(overview, locale));
        return "monitoring/dashboard";
    }

    private List<String> choices() {
        List<String> periods = new ArrayList<>();
        MonitoringPeriod last = scopes.current();
        for (MonitoringPeriod period : last.trend(8)) {
            periods.add(0, period.toString());
        }
        for (int year = last.year(); year > last.year() - 4; year--) {
            periods.add(Integer.toString(year));
        }
        return periods;
    }

    List<AreaTable> tables(Monitor.Sheet sheet, Locale locale) {
        Map<Indicator.Area, List<Row>> rows = new LinkedHashMap<>();
        for (Monitor.Line line : sheet.lines()) {
            rows.computeIfAbsent(line.indicator().area(), a -> new ArrayList<>())
                .add(new Row(line.code(), texts.label(line.indicator(), locale),
                        IndicatorTexts.shown(line.figure(), sheet.threshold()),
                        IndicatorTexts.shown(line.previous(), sheet.threshold()),
                        line.reference() == null ? null
                                : line.reference().value().toPlainString()
                                        + (line.indicator().measure() == Indicator.Measure.SHARE ? "%" : ""),
                        line.reference() == null ? null : line.reference().source(),
                        texts.definition(line.indicator(), locale), line.figure().suppressed()));
        }
        List<AreaTable> tables = new ArrayList<>();
        rows.forEach((area, list) -> tables.add(new AreaTable(area, texts.area(area, locale), list)));
        return tables;
    }

}
