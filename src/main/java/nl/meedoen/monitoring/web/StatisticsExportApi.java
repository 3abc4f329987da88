package nl.meedoen.monitoring.web;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.monitoring.Indicator.Measure;
import nl.meedoen.monitoring.MonitoringPeriod;
import nl.meedoen.monitoring.internal.Figure;
import nl.meedoen.monitoring.internal.Monitor;
import nl.meedoen.platform.csv.ExportFormat;
import nl.meedoen.platform.csv.TableFile;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monitor's figures of a period as one file for the national statistics: one row per
 * indicator, with fixed column names in a fixed order and no text that depends on the
 * language ({@code docs/exchange.md}). Always the whole municipality, suppressed exactly
 * as the dashboard suppresses it for the policy officer (also when a team lead asks): a
 * suppressed figure has neither value nor numerator nor denominator, only its flag.
 */
@RestController
@Tag(name = "Indicators")
class StatisticsExportApi {

    static final List<String> HEADER = List.of("cbs_code", "periode", "van", "tot_en_met", "indicator", "gebied",
            "maat", "groep", "waarde", "teller", "noemer", "afgeschermd");

    private final Monitor monitor;

    private final MonitorScopes scopes;

    StatisticsExportApi(Monitor monitor, MonitorScopes scopes) {
        this.monitor = monitor;
        this.scopes = scopes;
    }

    @GetMapping(path = "/api/v1/exports/indicators", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
    @PreAuthorize("hasAnyRole('POLICY_OFFICER', 'ADMIN')")
    @Operation(summary = "The figures for the national statistics", description = """
            Policy officers and administrators. Every indicator of the period (without one the last \
            complete half-year; 400 for a text that names no period) for the whole municipality, one row each in \
            a fixed order with fixed columns: cbs_code, periode, van, tot_en_met, indicator, gebied, maat, groep, \
            waarde, teller, noemer, afgeschermd (ja/nee). Small counts are suppressed as on the dashboard: a \
            suppressed row has no value, numerator or denominator. format=csv (semicolons, UTF-8) or xlsx.""")
    ResponseEntity<byte[]> statistics(@RequestParam(required = false) @Nullable String period,
            @RequestParam ExportFormat format) {
        MonitoringPeriod asked = scopes.period(period);
        Monitor.Sheet sheet = monitor.sheet(asked, Monitor.Scope.municipality());
        String code = CurrentUser.current().map(user -> user.municipality().code()).orElse("");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableFile file = TableFile.open(format, out, asked.toString(), HEADER, 0)) {
            for (Monitor.Line line : sheet.lines()) {
                file.row(row(code, asked, line));
            }
            file.finish();
        }
        return ResponseEntity.ok()
            .contentType(format.mediaType())
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                        .filename("statistiek-" + code + "-" + asked + format.extension())
                        .build()
                        .toString())
            .body(out.toByteArray());
    }

    static List<@Nullable Object> row(String code, MonitoringPeriod period, Monitor.Line line) {
        Figure figure = line.figure();
        Measure measure = line.indicator().measure();
        boolean shown = !figure.suppressed() && figure.value() != null;
        List<@Nullable Object> row = new ArrayList<>(HEADER.size());
        row.add(code);
        row.add(period.toString());
        row.add(period.from().toString());
        row.add(period.until().minusDays(1).toString());
        row.add(line.code());
        row.add(line.indicator().area().name());
        row.add(measure.name());
        row.add(line.indicator().group());
        row.add(shown ? figure.value() : null);
        row.add(shown ? numerator(measure, figure) : null);
        row.add(shown ? denominator(measure, figure) : null);
        row.add(figure.suppressed() ? "ja" : "nee");
        return row;
    }

    private static @Nullable BigDecimal numerator(Measure measure, Figure figure) {
        return switch (measure) {
            case SHARE -> figure.numerator();
            case COUNT -> figure.value();
            case AVERAGE, MEDIAN, TOTAL, FIGURE -> null;
        };
    }

    private static @Nullable Long denominator(Measure measure, Figure figure) {
        return switch (measure) {
            case SHARE, AVERAGE, MEDIAN, TOTAL -> figure.persons();
            case COUNT, FIGURE -> null;
        };
    }

}
