package nl.meedoen.exchange.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import nl.meedoen.audit.ShowsNoPersonData;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.monitoring.MonitoringPeriod;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.csv.ExportFormat;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * The team lead's page for the trajectory report: a year, a half-year or two dates, CSV
 * or XLSX; the download is the file of {@link TrajectoryReportFile}, a wrong period the
 * page again with the message beside the field.
 */
@Controller
@PreAuthorize("hasRole('TEAM_LEAD')")
class TrajectoryExportPages {

    /**
     * The page's choice: a period as text ({@code 2025}, {@code 2025-H1}) or two dates.
     */
    record ExportForm(@Nullable String period, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Nullable ExportFormat format) {
    }

    private final TrajectoryReportFile files;

    private final Clock clock;

    TrajectoryExportPages(TrajectoryReportFile files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    @ShowsNoPersonData("the choice of a period and a format")
    @GetMapping("/traject/rapportage")
    String form(Model model) {
        MonitoringPeriod last = MonitoringPeriod.lastCompleteHalfYear(LocalDate.now(clock));
        model.addAttribute("export", new ExportForm(last.toString(), null, null, ExportFormat.csv));
        return page(model);
    }

    @ShowsPersonData
    @GetMapping("/traject/rapportage/bestand")
    Object download(@ModelAttribute("export") ExportForm form, BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            if (form.format() == null) {
                errors.rejectValue("format", "exchange.export.format.required");
            }
            LocalDate from = form.from();
            LocalDate to = form.to();
            if (form.period() != null && !form.period().isBlank()) {
                var period = MonitoringPeriod.tryParse(form.period().trim());
                if (period.isEmpty()) {
                    errors.rejectValue("period", "exchange.export.period.invalid");
                }
                else {
                    from = period.get().from();
                    to = period.get().until().minusDays(1);
                }
            }
            else if (from == null || to == null) {
                errors.rejectValue(from == null ? "from" : "to", "exchange.export.dates.required");
            }
            if (!errors.hasErrors() && from != null && to != null && form.format() != null) {
                try {
                    TrajectoryReportFile.check(from, to);
                    return files.download(from, to, form.format());
                }
                catch (InvalidInputException ex) {
                    errors.rejectValue("to", ex.errors().get(0).messageKey());
                }
            }
        }
        return new ModelAndView(page(model), model.asMap(), HttpStatus.BAD_REQUEST);
    }

    private String page(Model model) {
        model.addAttribute("formats", List.of(ExportFormat.values()));
        model.addAttribute("columns", String.join(";", TrajectoryReportFile.HEADER));
        return "exchange/trajectory-export";
    }

}
