package nl.meedoen.monitoring.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.monitoring.MonitoringPeriod;
import nl.meedoen.monitoring.internal.Benchmark;
import nl.meedoen.monitoring.internal.Monitor;
import nl.meedoen.monitoring.internal.MonitoringSettings;
import nl.meedoen.platform.ConflictException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The benchmark between municipalities over JSON. */
@RestController
@Tag(name = "Benchmark", description = """
        A municipality that opted in sees its indicators beside the median and quartiles of the other opted-in \
        municipalities of its size class, published each night. Never a single municipality's figure and never a \
        name: below the minimum of peers (3) nothing is given, and each figure is the mean of that many \
        neighbouring values.""")
class BenchmarkApi {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String code, String label, @Nullable BigDecimal value, String shown, @Nullable BigDecimal median,
            @Nullable BigDecimal q1, @Nullable BigDecimal q3, int peers) {
    }

    record Answer(String period, String peerGroup, String peerGroupLabel, List<Item> items) {
    }

    private final BenchmarkView view;

    private final MonitorScopes scopes;

    BenchmarkApi(BenchmarkView view, MonitorScopes scopes) {
        this.view = view;
        this.scopes = scopes;
    }

    @GetMapping("/api/v1/benchmark")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER', 'TEAM_LEAD', 'ADMIN')")
    @Operation(summary = "The benchmark of a period", description = """
            Policy officers, team leads and administrators of a municipality that opted in \
            (monitoring_setting.benchmark_opt_in, set on /beheer/monitor); otherwise 409. value is the \
            municipality's own figure (suppressed as in GET /api/v1/indicators); median, q1 and q3 are those of \
            the peers, absent below the minimum of peers (q1 and q3 from twice the minimum); peers is how many \
            peers had a figure.""")
    Answer benchmark(@RequestParam(required = false) @Nullable String period, Locale locale) {
        MonitoringPeriod asked = scopes.period(period);
        return view.answer(asked, locale);
    }

    /** The benchmark as the API and the page show it. */
    @Component
    static class BenchmarkView {

        private final Benchmark benchmark;

        private final Monitor monitor;

        private final MonitoringSettings settings;

        private final IndicatorTexts texts;

        private final MessageSource messages;

        BenchmarkView(Benchmark benchmark, Monitor monitor, MonitoringSettings settings, IndicatorTexts texts,
                MessageSource messages) {
            this.benchmark = benchmark;
            this.monitor = monitor;
            this.settings = settings;
            this.texts = texts;
            this.messages = messages;
        }

        Answer answer(MonitoringPeriod period, Locale locale) {
            if (!settings.current().benchmarkOptIn()) {
                throw new ConflictException("monitoring.benchmark.notOptedIn");
            }
            Monitor.Sheet sheet = monitor.sheet(period, Monitor.Scope.municipality());
            Map<String, Benchmark.Line> published = benchmark.published(period);
            Benchmark.SizeClass group = published.isEmpty() ? benchmark.sizeClass()
                    : published.values().iterator().next().peerGroup();
            List<Item> items = new ArrayList<>();
            for (Monitor.Line line : sheet.lines()) {
                Benchmark.Line peers = published.get(line.code());
                items.add(new Item(line.code(), texts.label(line.indicator(), locale),
                        line.figure().suppressed() ? null : line.figure().value(),
                        IndicatorTexts.shown(line.figure(), sheet.threshold()), peers == null ? null : peers.median(),
                        peers == null ? null : peers.q1(), peers == null ? null : peers.q3(),
                        peers == null ? 0 : peers.peers()));
            }
            return new Answer(period.toString(), group.name(),
                    messages.getMessage("monitoring.benchmark.group." + group.name(), null, group.name(), locale),
                    items);
        }

    }

}
