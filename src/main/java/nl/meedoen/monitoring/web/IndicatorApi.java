package nl.meedoen.monitoring.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.MonitoringPeriod;
import nl.meedoen.monitoring.internal.Monitor;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The policy monitor's indicators over JSON. */
@RestController
@RequestMapping("/api/v1/indicators")
@Tag(name = "Indicators", description = """
        The policy monitor: per spearhead the figures of a municipality for a period (YYYY-H1, YYYY-H2 or YYYY), \
        each with its definition, the previous period and the national reference. Aggregates only: a count below \
        the municipality's threshold (5) is suppressed, so is a share resting on fewer persons, and so is another \
        cell of the same table that would give a suppressed one away. A team lead sees the own team's caseload \
        unsuppressed.""")
class IndicatorApi {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String code, String label, Indicator.Area area, Indicator.Measure measure, @Nullable BigDecimal value,
            String shown, boolean suppressed, String definition, @Nullable BigDecimal previous,
            @Nullable BigDecimal reference, @Nullable String referenceSource) {
    }

    /** updatedAt: when the stored aggregates were computed; null when computed live. */
    record Sheet(String period, String scope, int threshold, @Nullable Instant updatedAt, List<Item> items) {
    }

    private final Monitor monitor;

    private final MonitorScopes scopes;

    private final IndicatorTexts texts;

    IndicatorApi(Monitor monitor, MonitorScopes scopes, IndicatorTexts texts) {
        this.monitor = monitor;
        this.scopes = scopes;
        this.texts = texts;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('POLICY_OFFICER', 'TEAM_LEAD', 'ADMIN')")
    @Operation(summary = "The indicators of a period", description = """
            Policy officers, team leads and administrators. Without a period the last complete half-year; a period \
            that is not YYYY-H1, YYYY-H2 or YYYY answers 400. Each item has its value (absent when suppressed or \
            not given), the value as shown ("< 5" for a suppressed count, "x" for a count suppressed so that \
            another cannot be recomputed, "—" for a share or average not given), the previous period's value and \
            the national reference with its source where there is one. scope is "municipality" or "team". \
            updatedAt is when the maintained aggregates the figures come from were computed (each night, or on an \
            administrator's request); absent or null when they were computed live for this request.""")
    Sheet indicators(@RequestParam(required = false) @Nullable String period, Locale locale) {
        MonitoringPeriod asked = scopes.period(period);
        Monitor.Sheet sheet = monitor.sheet(asked, scopes.scope());
        return new Sheet(asked.toString(), sheet.scope().suppressed() ? "municipality" : "team", sheet.threshold(),
                sheet.updatedAt(), sheet.lines().stream().map(line -> item(line, sheet.threshold(), locale)).toList());
    }

    private Item item(Monitor.Line line, int threshold, Locale locale) {
        return new Item(line.code(), texts.label(line.indicator(), locale), line.indicator().area(),
                line.indicator().measure(), line.figure().suppressed() ? null : line.figure().value(),
                IndicatorTexts.shown(line.figure(), threshold), line.figure().suppressed(),
                texts.definition(line.indicator(), locale),
                line.previous().suppressed() ? null : line.previous().value(),
                line.reference() == null ? null : line.reference().value(),
                line.reference() == null ? null : line.reference().source());
    }

}
