package nl.meedoen.audit.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.audit.internal.Retention;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Retention: what is past its period after the file closed, and the run that anonymises
 * or removes it (also nightly).
 */
@RestController
@RequestMapping("/api/v1/retention")
@PreAuthorize("hasAnyRole('ADMIN', 'PRIVACY_OFFICER')")
@Tag(name = "Retention", description = """
        Retention periods per record type after a file is closed (the municipality's settings, else the documented \
        defaults), the dry run that lists what would go, and the run. Administrators and privacy officers only; \
        every other role answers 403.""")
class RetentionApi {

    record Items(List<Retention.Item> items) {
    }

    private final Retention retention;

    RetentionApi(Retention retention) {
        this.retention = retention;
    }

    @GetMapping("/dry-run")
    @Operation(summary = "What retention would remove now", description = """
            Per record type (`module.kind`, plus `audit.log` for the processing log and \
            `platform.event_publication` for completed events) how many records are past their period and the \
            oldest closing date among them; changes nothing.""")
    Items dryRun() {
        return new Items(retention.dryRun());
    }

    @PostMapping("/runs")
    @Operation(summary = "Run retention now", description = """
            Anonymises or removes what the dry run lists, in one transaction: persons keep municipality, \
            category, gender, nationality, year of birth and dates (monitoring still counts them) and lose names, \
            BSN, V-number, contact details, address and free text. Each person touched is logged (RETENTION) and \
            the run is recorded. Answers what went, per record type, as the dry run listed it. Runs nightly too.""")
    Items run() {
        return new Items(retention.run());
    }

}
