package nl.meedoen.monitoring.web;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.monitoring.MonitoringPeriod;
import nl.meedoen.monitoring.internal.Cohorts;
import nl.meedoen.monitoring.internal.Monitor;
import nl.meedoen.monitoring.internal.MonitoringSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The council report of the policy monitor as a PDF. */
@RestController
@Tag(name = "Reports", description = "The council report of the policy monitor: aggregates only.")
class ReportApi {

    private final Monitor monitor;

    private final MonitorScopes scopes;

    private final MonitorCharts charts;

    private final CouncilReport report;

    private final Cohorts cohorts;

    private final CohortTexts cohortTexts;

    private final BenchmarkApi.BenchmarkView benchmark;

    private final MonitoringSettings settings;

    ReportApi(Monitor monitor, MonitorScopes scopes, MonitorCharts charts, CouncilReport report, Cohorts cohorts,
            CohortTexts cohortTexts, BenchmarkApi.BenchmarkView benchmark, MonitoringSettings settings) {
        this.cohorts = cohorts;
        this.cohortTexts = cohortTexts;
        this.benchmark = benchmark;
        this.settings = settings;
        this.monitor = monitor;
        this.scopes = scopes;
        this.charts = charts;
        this.report = report;
    }

    @GetMapping(path = "/api/v1/reports/council", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize("hasAnyRole('POLICY_OFFICER', 'TEAM_LEAD', 'ADMIN')")
    @Operation(summary = "The council report (PDF)", description = """
            Policy officers, team leads and administrators. "Monitor integratie en participatie <gemeente> \
            <periode>": a table of contents, the trend charts of the dashboard with their data, the tables per \
            area, the cohorts by year of housing with their charts, the benchmark (when opted in), the definitions and \
            the suppression rule, with page numbers and bookmarks. Suppressed as the \
            indicators are. Without a period the last complete half-year; 400 for a text that names no period.""")
    ResponseEntity<byte[]> council(@RequestParam(required = false) @Nullable String period, Locale locale) {
        MonitoringPeriod asked = scopes.period(period);
        Monitor.Overview overview = monitor.overview(asked, MonitorCharts.periods(asked), scopes.scope());
        String municipality = CurrentUser.current().map(user -> user.municipality().name()).orElse("");
        int[] years = cohorts.years(null, null);
        Cohorts.Table cohortTable = cohorts.table(years[0], years[1], scopes.scope());
        MonitoringSettings.Settings own = settings.current();
        CouncilReport.Beside beside = new CouncilReport.Beside(cohortTable, cohortTexts.charts(cohortTable, locale),
                own.benchmarkOptIn() ? benchmark.answer(asked, locale) : null, own.benchmarkMinPeers());
        byte[] pdf = report.render(municipality, overview.sheet(), charts.charts(overview, locale), beside, locale);
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.inline().filename("monitor-" + asked + ".pdf").build().toString())
            .body(pdf);
    }

}
