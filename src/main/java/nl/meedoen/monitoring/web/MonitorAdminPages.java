package nl.meedoen.monitoring.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.monitoring.internal.MonitoringSettings;
import nl.meedoen.monitoring.internal.ReferenceFigures;
import nl.meedoen.platform.web.Forms;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's pages of the monitor: the national reference table with its
 * sources, and the monitor's settings (the small-count threshold, the benchmark opt-in
 * and the benchmark's least number of peers). Both forms carry the version they were
 * opened on; a change by someone else in between is refused with a message about the
 * settings.
 */
@Controller
class MonitorAdminPages {

    /** Empty rows below the table for new figures. */
    static final int NEW_ROWS = 3;

    private static final String MIN_PEERS_INVALID = "{monitoring.settings.benchmarkMinPeers.invalid}";

    record SettingsForm(
            @NotNull(message = "{monitoring.settings.threshold.invalid}") @Min(value = MonitoringSettings.MIN_THRESHOLD,
                    message = "{monitoring.settings.threshold.invalid}") @Max(value = MonitoringSettings.MAX_THRESHOLD,
                            message = "{monitoring.settings.threshold.invalid}") @Nullable Integer threshold,
            @Nullable Boolean benchmarkOptIn,
            @NotNull(message = MIN_PEERS_INVALID) @Min(value = MonitoringSettings.LEAST_MIN_PEERS,
                    message = MIN_PEERS_INVALID) @Max(value = MonitoringSettings.MOST_MIN_PEERS,
                            message = MIN_PEERS_INVALID) @Nullable Integer benchmarkMinPeers) {
    }

    /** A row of the reference form as typed. */
    record FigureRow(String code, String value, String source) {
    }

    private final ReferenceFigures references;

    private final MonitoringSettings settings;

    MonitorAdminPages(ReferenceFigures references, MonitoringSettings settings) {
        this.references = references;
        this.settings = settings;
    }

    @GetMapping("/beheer/referentiecijfers")
    @PreAuthorize("hasRole('ADMIN')")
    String references(Model model) {
        List<FigureRow> rows = new ArrayList<>();
        references.all()
            .values()
            .forEach(r -> rows.add(new FigureRow(r.code(), r.value().toPlainString(), r.source())));
        show(model, rows, references.version());
        return "monitoring/references";
    }

    private static void show(Model model, List<FigureRow> rows, int version) {
        List<FigureRow> shown = new ArrayList<>(rows);
        for (int i = 0; i < NEW_ROWS; i++) {
            shown.add(new FigureRow("", "", ""));
        }
        model.addAttribute("rows", shown);
        model.addAttribute("version", version);
    }

    @PostMapping("/beheer/referentiecijfers")
    @PreAuthorize("hasRole('ADMIN')")
    String replaceReferences(@RequestParam(name = "code", required = false) @Nullable List<String> codes,
            @RequestParam(name = "value", required = false) @Nullable List<String> values,
            @RequestParam(name = "source", required = false) @Nullable List<String> sources,
            @RequestParam(required = false) @Nullable Integer version, Model model, RedirectAttributes redirect) {
        List<FigureRow> typed = new ArrayList<>();
        int count = codes == null ? 0 : codes.size();
        for (int i = 0; i < count; i++) {
            String code = codes.get(i).strip().toUpperCase(java.util.Locale.ROOT);
            String value = values != null && i < values.size() ? values.get(i).strip() : "";
            String source = sources != null && i < sources.size() ? sources.get(i).strip() : "";
            if (!code.isEmpty() || !value.isEmpty() || !source.isEmpty()) {
                typed.add(new FigureRow(code, value, source));
            }
        }
        List<ReferenceFigures.Reference> figures = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            FigureRow row = typed.get(i);
            BigDecimal value;
            try {
                value = new BigDecimal(row.value().replace(',', '.'));
            }
            catch (NumberFormatException ex) {
                return refused(model, typed, version, "monitoring.reference.value.invalid", i);
            }
            figures.add(new ReferenceFigures.Reference(row.code(), value, row.source(), 0));
        }
        Forms.Problem problem = Forms.refusal(() -> references.replace(figures, version == null ? -1 : version));
        if (problem == null) {
            redirect.addFlashAttribute("saved", "monitoring.reference.saved");
            return "redirect:/beheer/referentiecijfers";
        }
        String key = Forms.STALE.equals(problem.messageKey()) ? "monitoring.settings.stale" : problem.messageKey();
        return refused(model, typed, version, key, -1);
    }

    private String refused(Model model, List<FigureRow> typed, @Nullable Integer version, String key, int row) {
        show(model, typed, version == null ? references.version() : version);
        model.addAttribute("problem", key);
        model.addAttribute("problemRow", row < 0 ? null : row + 1);
        return "monitoring/references";
    }

    @GetMapping("/beheer/monitor")
    @PreAuthorize("hasRole('ADMIN')")
    String settings(Model model) {
        MonitoringSettings.Settings current = settings.current();
        model.addAttribute("settingsForm",
                new SettingsForm(current.threshold(), current.benchmarkOptIn(), current.benchmarkMinPeers()));
        model.addAttribute("version", current.version());
        return "monitoring/settings";
    }

    @PostMapping("/beheer/monitor")
    @PreAuthorize("hasRole('ADMIN')")
    String changeSettings(@Valid @ModelAttribute("settingsForm") SettingsForm form, BindingResult errors,
            @RequestParam(required = false) @Nullable Integer version, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors() && Forms.attempt(errors,
                () -> settings.change(form.threshold(), Boolean.TRUE.equals(form.benchmarkOptIn()),
                        form.benchmarkMinPeers(), version == null ? -1 : version))) {
            redirect.addFlashAttribute("saved", "monitoring.settings.saved");
            return "redirect:/beheer/monitor";
        }
        model.addAttribute("version", version);
        return "monitoring/settings";
    }

}
