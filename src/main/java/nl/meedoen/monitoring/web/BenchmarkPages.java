package nl.meedoen.monitoring.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import nl.meedoen.monitoring.MonitoringPeriod;
import nl.meedoen.monitoring.internal.MonitoringSettings;
import nl.meedoen.platform.web.Forms;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The benchmark page: the own figures beside the peers' median and quartiles, and the
 * rule with the municipality's minimum number of peers.
 */
@Controller
class BenchmarkPages {

    private final BenchmarkApi.BenchmarkView view;

    private final MonitorScopes scopes;

    private final MonitoringSettings settings;

    BenchmarkPages(BenchmarkApi.BenchmarkView view, MonitorScopes scopes, MonitoringSettings settings) {
        this.view = view;
        this.scopes = scopes;
        this.settings = settings;
    }

    @GetMapping("/monitor/benchmark")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER', 'TEAM_LEAD', 'ADMIN')")
    String benchmark(@RequestParam(name = "periode", required = false) @Nullable String periode, Model model,
            Locale locale, HttpServletResponse response) {
        MonitoringPeriod period = MonitoringPeriod.tryParse(periode).orElse(scopes.current());
        model.addAttribute("period", period);
        model.addAttribute("minPeers", settings.current().benchmarkMinPeers());
        Forms.Problem problem = Forms.refusal(() -> model.addAttribute("benchmark", view.answer(period, locale)));
        if (problem != null) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("problem", problem.messageKey());
        }
        return "monitoring/benchmark";
    }

}
