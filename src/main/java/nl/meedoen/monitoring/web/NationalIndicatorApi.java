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
import nl.meedoen.monitoring.internal.Figure;
import nl.meedoen.monitoring.internal.IndicatorAggregates;
import nl.meedoen.monitoring.internal.IndicatorEngine;
import nl.meedoen.monitoring.internal.MonitoringSettings;
import nl.meedoen.monitoring.internal.Suppression;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The indicators summed over every municipality of the installation, and the refresh of
 * the maintained aggregates they are summed from. Administrators only.
 */
@RestController
@Tag(name = "Indicators")
class NationalIndicatorApi {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String code, String label, Indicator.Area area, Indicator.Measure measure, @Nullable BigDecimal value,
            String shown, boolean suppressed, String definition) {
    }

    record National(String period, long municipalities, int threshold, @Nullable Instant updatedAt, List<Item> items) {
    }

    record Refreshed(int periods, int scopes, long millis, Instant updatedAt) {
    }

    private final IndicatorAggregates aggregates;

    private final IndicatorEngine engine;

    private final MonitorScopes scopes;

    private final IndicatorTexts texts;

    NationalIndicatorApi(IndicatorAggregates aggregates, IndicatorEngine engine, MonitorScopes scopes,
            IndicatorTexts texts) {
        this.aggregates = aggregates;
        this.engine = engine;
        this.scopes = scopes;
        this.texts = texts;
    }

    @GetMapping("/api/v1/indicators/national")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The indicators summed over every municipality", description = """
            Administrators only. Per indicator the sum over the maintained aggregates of every municipality for the \
            period (YYYY-H1, YYYY-H2 or YYYY; without one the last complete half-year; anything else 400): counts, \
            shares and totals summed, averages weighted by their persons; medians cannot be summed and are left \
            out. Suppressed as a policy officer's figures are, with the default threshold of 5. municipalities is \
            the number of municipalities whose aggregates the sums hold (0 and no items before the first nightly \
            refresh), updatedAt when the oldest of them was computed. Never a single municipality's figure.""")
    National national(@RequestParam(required = false) @Nullable String period, Locale locale) {
        MonitoringPeriod asked = scopes.period(period);
        List<IndicatorAggregates.National> sums = aggregates.national(asked);
        int threshold = MonitoringSettings.DEFAULT_THRESHOLD;
        List<Figure> figures = Suppression.apply(sums.stream().map(IndicatorAggregates.National::raw).toList(),
                threshold);
        long municipalities = sums.stream().mapToLong(IndicatorAggregates.National::municipalities).max().orElse(0);
        Instant oldest = sums.stream().map(IndicatorAggregates.National::oldest).min(Instant::compareTo).orElse(null);
        List<Item> items = figures.stream().map(figure -> item(figure, threshold, locale)).toList();
        return new National(asked.toString(), municipalities, threshold, oldest, items);
    }

    @PostMapping("/api/v1/indicators/aggregates")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Compute the maintained aggregates now",
            description = """
                    Administrators only. Computes the indicators of the kept periods (the current half-year, the last complete one and the \
                    eight before it, the current year and the five before) for the caller's municipality and each of its teams \
                    now, as the nightly job does for every municipality, and replaces the stored ones. Answers the periods, \
                    the scopes (the municipality and its teams), how long it took and the time the figures carry.""")
    Refreshed refresh() {
        IndicatorAggregates.Refresh refresh = aggregates.refreshCurrent(IndicatorAggregates.Trigger.ADMIN);
        return new Refreshed(refresh.periods(), refresh.scopes(), refresh.millis(), refresh.computedAt());
    }

    private Item item(Figure figure, int threshold, Locale locale) {
        Indicator indicator = engine.indicators()
            .stream()
            .filter(i -> i.code().equals(figure.code()))
            .findFirst()
            .orElseThrow();
        return new Item(figure.code(), texts.label(indicator, locale), indicator.area(), indicator.measure(),
                figure.suppressed() ? null : figure.value(), IndicatorTexts.shown(figure, threshold),
                figure.suppressed(), texts.definition(indicator, locale));
    }

}
