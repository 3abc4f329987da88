package nl.meedoen.monitoring.web;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.monitoring.MonitoringPeriod;
import nl.meedoen.monitoring.internal.Monitor;
import nl.meedoen.platform.csv.ExportFormat;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The indicators of a period as a CSV or XLSX file. */
@RestController
@Tag(name = "Indicators")
class IndicatorExportApi {

    private final Monitor monitor;

    private final MonitorScopes scopes;

    private final IndicatorTable table;

    IndicatorExportApi(Monitor monitor, MonitorScopes scopes, IndicatorTable table) {
        this.monitor = monitor;
        this.scopes = scopes;
        this.table = table;
    }

    @GetMapping(path = "/api/v1/indicators/export",
            produces = { "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    @PreAuthorize("hasAnyRole('POLICY_OFFICER', 'TEAM_LEAD', 'ADMIN')")
    @Operation(summary = "The indicators as a file", description = """
            Policy officers, team leads and administrators. The indicators of the period (without one the last \
            complete half-year; 400 for a text that names no period) as format=csv (semicolons, UTF-8) or xlsx, \
            suppressed exactly as in GET /api/v1/indicators. Text that a spreadsheet could take for a formula is \
            written as text.""")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String period,
            @RequestParam ExportFormat format, Locale locale) {
        MonitoringPeriod asked = scopes.period(period);
        Monitor.Sheet sheet = monitor.sheet(asked, scopes.scope());
        boolean csv = format == ExportFormat.csv;
        byte[] body = csv ? table.csv(sheet, locale) : table.xlsx(sheet, locale);
        return ResponseEntity.ok()
            .contentType(format.mediaType())
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                        .filename("monitor-" + asked + format.extension())
                        .build()
                        .toString())
            .body(body);
    }

}
