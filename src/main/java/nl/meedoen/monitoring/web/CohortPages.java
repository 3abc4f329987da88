package nl.meedoen.monitoring.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import nl.meedoen.monitoring.internal.Cohorts;
import nl.meedoen.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cohorts page: per measure a chart of the cohorts after
 * {@value CohortTexts#CHART_MONTHS} months with its data and summary, and per measure the
 * table of cohorts by months since housing beside the national reference.
 */
@Controller
class CohortPages {

    /**
     * One row of a measure's table: a cohort and its cells as shown, in the order of the
     * months.
     */
    record Row(String cohort, List<String> cells) {
    }

    record MeasureTable(String measure, String title, String definition, List<Row> rows, List<String> references,
            List<String> sources) {
    }

    private final Cohorts cohorts;

    private final MonitorScopes scopes;

    private final CohortTexts texts;

    private final MessageSource messages;

    private final Clock clock;

    CohortPages(Cohorts cohorts, MonitorScopes scopes, CohortTexts texts, MessageSource messages, Clock clock) {
        this.cohorts = cohorts;
        this.scopes = scopes;
        this.texts = texts;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/monitor/cohorten")
    @PreAuthorize("hasAnyRole('POLICY_OFFICER', 'TEAM_LEAD', 'ADMIN')")
    String cohorts(@RequestParam(name = "van", required = false) @Nullable String van,
            @RequestParam(name = "tot", required = false) @Nullable String tot, Model model, Locale locale,
            HttpServletResponse response) {
        int[] years;
        try {
            years = cohorts.years(van, tot);
        }
        catch (InvalidInputException ex) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("yearsInvalid", messages.getMessage(ex.errors().get(0).messageKey(), null, locale));
            years = cohorts.years(null, null);
        }
        Cohorts.Table table = cohorts.table(years[0], years[1], scopes.scope());
        model.addAttribute("from", years[0]);
        model.addAttribute("to", years[1]);
        List<Integer> choices = new ArrayList<>();
        for (int year = LocalDate.now(clock).getYear(); year >= Cohorts.FIRST_YEAR; year--) {
            choices.add(year);
        }
        model.addAttribute("years", choices);
        model.addAttribute("months", Cohorts.MONTHS);
        model.addAttribute("teamScope", !table.scope().suppressed());
        model.addAttribute("threshold", table.threshold());
        model.addAttribute("sizes", table.sizes()
            .stream()
            .map(s -> new Row(Integer.toString(s.cohort()), List.of(texts.shown(s.figure(), table.threshold()))))
            .toList());
        model.addAttribute("total", texts.shown(table.housedTotal(), table.threshold()));
        model.addAttribute("tables", tables(table, locale));
        model.addAttribute("charts", texts.charts(table, locale));
        return "monitoring/cohorts";
    }

    List<MeasureTable> tables(Cohorts.Table table, Locale locale) {
        List<MeasureTable> tables = new ArrayList<>();
        for (String measure : table.measures()) {
            List<Row> rows = new ArrayList<>();
            for (int cohort : table.cohorts()) {
                List<String> cells = new ArrayList<>();
                for (int months : Cohorts.MONTHS) {
                    Cohorts.Cell cell = table.cell(measure, cohort, months);
                    cells.add(cell == null ? messages.getMessage("monitoring.cohort.notYet", null, locale)
                            : texts.shown(cell.figure(), table.threshold()));
                }
                rows.add(new Row(Integer.toString(cohort), cells));
            }
            List<String> references = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            for (int months : Cohorts.MONTHS) {
                var reference = table.reference(measure, months);
                references.add(reference == null ? "—" : reference.value().toPlainString() + "%");
                if (reference != null) {
                    sources.add(messages.getMessage("monitoring.cohort.source",
                            new Object[] { months, reference.source() }, locale));
                }
            }
            tables.add(new MeasureTable(measure, texts.measure(measure, locale), texts.definition(measure, locale),
                    rows, references, sources));
        }
        return tables;
    }

}
