package nl.meedoen.audit.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.audit.internal.Retention;
import nl.meedoen.audit.internal.RetentionSettings;
import nl.meedoen.audit.internal.RetentionSettings.Setting;
import nl.meedoen.platform.web.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Change(@Nullable Integer months) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SettingResource(String recordType, String defaultPeriod, String source, @Nullable Integer months,
            String period, int version, boolean changeable) {

        static SettingResource of(Setting s) {
            return new SettingResource(s.recordType(), s.defaultPeriod().toString(), s.source(), s.months(),
                    s.inForce().toString(), s.version(), s.changeable());
        }
    }

    record Settings(List<SettingResource> items) {
    }

    private final Retention retention;

    private final RetentionSettings settings;

    RetentionApi(Retention retention, RetentionSettings settings) {
        this.retention = retention;
        this.settings = settings;
    }

    @GetMapping("/settings")
    @Operation(summary = "The retention periods", description = """
            Per record type the default period after the file closed (ISO 8601, e.g. P5Y) with its source, the \
            municipality's own `months` (absent: the default applies), the `period` in force and the `version` to \
            change it with. `audit.log` and `platform.event_publication` are the installation's (changeable \
            false).""")
    Settings settings() {
        return new Settings(settings.all().stream().map(SettingResource::of).toList());
    }

    @GetMapping("/settings/{recordType}")
    @Operation(summary = "One retention period",
            description = "As in the list, with the version as the ETag. 404 for an unknown record type.")
    ResponseEntity<SettingResource> setting(@PathVariable String recordType) {
        Setting setting = settings.of(recordType);
        return ResponseEntity.ok().eTag(IfMatch.etag(setting.version())).body(SettingResource.of(setting));
    }

    @PutMapping("/settings/{recordType}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set the municipality's own retention period", description = """
            Administrators only (403 for the privacy officer). {months}: the period after the file closed, 1 to \
            1200 months (400 otherwise); null goes back to the default. Needs If-Match with the record type's \
            version (0 while the default applies; 428 without, 412 when stale). 404 for an unknown record type, \
            409 for the log's and the events' periods, which the installation sets.""")
    ResponseEntity<SettingResource> change(@PathVariable String recordType, IfMatch ifMatch,
            @RequestBody Change change) {
        Setting changed = settings.change(recordType, change.months(), ifMatch.optional());
        return ResponseEntity.ok().eTag(IfMatch.etag(changed.version())).body(SettingResource.of(changed));
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
