package nl.meedoen.monitoring.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.monitoring.internal.Cohorts;
import nl.meedoen.monitoring.internal.Figure;
import nl.meedoen.platform.csv.ExportFormat;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cohorts by year of housing over JSON, and as a file. */
@RestController
@Tag(name = "Cohorts", description = """
        The cohorts by year of housing: per cohort the persons housed, and the share in paid work, on social \
        assistance and at B1 after 6, 12, 18, 24 and 36 months, beside the national reference \
        COHORT_<measure>_<months>. Aggregates only, suppressed as the indicators are; a team lead sees the own \
        team's caseload unsuppressed.""")
class CohortApi {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(int cohort, int monthsSinceHousing, String measure, String label, @Nullable BigDecimal value,
            String shown, boolean suppressed, @Nullable BigDecimal reference, @Nullable String referenceSource) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Size(@Nullable Integer cohort, @Nullable BigDecimal value, String shown, boolean suppressed) {
    }

    record Table(int housedFrom, int housedTo, String scope, int threshold, List<Size> housed, Size housedTotal,
            List<Item> items) {
    }

    private final Cohorts cohorts;

    private final MonitorScopes scopes;

    private final CohortTexts texts;

    CohortApi(Cohorts cohorts, MonitorScopes scopes, CohortTexts texts) {
        this.cohorts = cohorts;
        this.scopes = scopes;
        this.texts = texts;
    }

    @GetMapping("/api/v1/cohorts")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER', 'TEAM_LEAD', 'ADMIN')")
    @Operation(summary = "The cohorts by year of housing", description = """
            Policy officers, team leads and administrators. housedFrom and housedTo are years (2000 up to this \
            year, at most 20 at once; without them the last seven years); otherwise 400. A share rests on the \
            persons of the cohort who have reached the months by today; a cell whose months cannot have passed \
            for anyone of the cohort is left out. value is absent when suppressed or not given; shown is the \
            value as shown ("—" for a share not given, "< 5" or "x" for a cohort's size).""")
    Table cohorts(@RequestParam(required = false) @Nullable String housedFrom,
            @RequestParam(required = false) @Nullable String housedTo, Locale locale) {
        int[] years = cohorts.years(housedFrom, housedTo);
        Cohorts.Table table = cohorts.table(years[0], years[1], scopes.scope());
        return new Table(table.from(), table.to(), table.scope().suppressed() ? "municipality" : "team",
                table.threshold(),
                table.sizes().stream().map(s -> size(s.cohort(), s.figure(), table.threshold())).toList(),
                size(null, table.housedTotal(), table.threshold()),
                table.cells()
                    .stream()
                    .map(c -> new Item(c.cohort(), c.months(), c.measure(), texts.measure(c.measure(), locale),
                            c.figure().suppressed() ? null : c.figure().value(),
                            IndicatorTexts.shown(c.figure(), table.threshold()), c.figure().suppressed(),
                            c.reference() == null ? null : c.reference().value(),
                            c.reference() == null ? null : c.reference().source()))
                    .toList());
    }

    private static Size size(@Nullable Integer cohort, Figure figure, int threshold) {
        return new Size(cohort, figure.suppressed() ? null : figure.value(), IndicatorTexts.shown(figure, threshold),
                figure.suppressed());
    }

    @GetMapping(path = "/api/v1/cohorts/export",
            produces = { "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" })
    @PreAuthorize("hasAnyRole('POLICY_OFFICER', 'TEAM_LEAD', 'ADMIN')")
    @Operation(summary = "The cohorts as a file", description = """
            The table of GET /api/v1/cohorts as format=csv (semicolons, UTF-8) or xlsx, suppressed in the same \
            way. Text that a spreadsheet could take for a formula is written as text.""")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable String housedFrom,
            @RequestParam(required = false) @Nullable String housedTo, @RequestParam ExportFormat format,
            Locale locale) {
        int[] years = cohorts.years(housedFrom, housedTo);
        Cohorts.Table table = cohorts.table(years[0], years[1], scopes.scope());
        return ResponseEntity.ok()
            .contentType(format.mediaType())
            .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment()
                        .filename("cohorten-" + years[0] + "-" + years[1] + format.extension())
                        .build()
                        .toString())
            .body(texts.file(format, table, locale));
    }

}
