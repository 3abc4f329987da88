package nl.meedoen.exchange.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.platform.csv.ExportFormat;

import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The municipality's trajectory report for the chain, per person, as a file. */
@RestController
@Tag(name = "Chain exports")
class TrajectoryExportApi {

    private final TrajectoryReportFile files;

    TrajectoryExportApi(TrajectoryReportFile files) {
        this.files = files;
    }

    @ShowsPersonData
    @GetMapping(path = "/api/v1/exports/trajectories", produces = { ExportFormat.CSV_TYPE, ExportFormat.XLSX_TYPE })
    @PreAuthorize("hasRole('TEAM_LEAD')")
    @Operation(summary = "The trajectory report of a period", description = """
            Team leads only: the file holds every person's BSN. One row per person with an integration duty that \
            ran in the period from..to (both included, ISO dates, at most five years; to before from 400): DUO's \
            notice on or before to and the integration period not ended before from; only the persons the team lead \
            may open (need-to-know). format=csv (semicolons, UTF-8 with byte order mark) or xlsx; the columns, \
            their order and names are fixed (docs/exchange.md). Every person in the file is logged as CHAIN_EXPORT. \
            The header X-Row-Count gives the number of persons.""")
    ResponseEntity<Resource> trajectories(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam ExportFormat format) {
        return files.download(from, to, format);
    }

}
