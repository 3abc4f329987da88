package nl.meedoen.signals.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.signals.Severity;
import nl.meedoen.signals.SignalCode;
import nl.meedoen.signals.Threshold;
import nl.meedoen.signals.internal.SignalSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The municipality's settings of the signalling rules over JSON. */
@RestController
@RequestMapping("/api/v1/signal-settings")
@Tag(name = "Signal settings", description = """
        Per rule of early signalling: switched on or off, and the municipality's value for each threshold within \
        its bounds, with the default beside it. These are local choices; the legal dates they warn of come from \
        the trajectory.""")
class SignalSettingsApi {

    record ThresholdResource(String name, Threshold.Unit unit, int value, int defaultValue, int min, int max) {
    }

    record RuleResource(SignalCode rule, Severity severity, boolean enabled, List<ThresholdResource> thresholds) {
    }

    record SettingsResource(List<RuleResource> rules) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ThresholdValue(@NotNull(message = "{signals.settings.threshold.name.required}") @Nullable String name,
            @NotNull(message = "{signals.settings.threshold.value.required}") @Nullable Integer value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RuleChange(@NotNull(message = "{signals.settings.rule.required}") @Nullable SignalCode rule,
            @NotNull(message = "{signals.settings.enabled.required}") @Nullable Boolean enabled,
            @Nullable List<@Valid ThresholdValue> thresholds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SettingsChange(
            @NotNull(message = "{signals.settings.rules.required}") @Nullable List<@Valid RuleChange> rules) {
    }

    private final SignalSettings settings;

    SignalSettingsApi(SignalSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'TEAM_LEAD', 'CASEWORKER', 'POLICY_OFFICER')")
    @Operation(summary = "The signalling rules and their settings",
            description = "Administrators, team leads, caseworkers and policy officers. Every rule with its "
                    + "severity, whether it is on, and its thresholds: the municipality's value, the default and "
                    + "the bounds. The ETag is the version to send back in If-Match.")
    ResponseEntity<SettingsResource> read() {
        SignalSettings.Settings current = settings.current();
        return ResponseEntity.ok().eTag(IfMatch.etag(current.version())).body(resource(current));
    }

    @PutMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'TEAM_LEAD')")
    @Operation(summary = "Change the signalling rules' settings",
            description = "Administrators and team leads. Sets each rule listed (enabled, and thresholds by name); a "
                    + "rule or threshold not listed returns to its default. If-Match is required (428 without, 412 "
                    + "when stale). An unknown threshold, a value outside its bounds or a rule listed twice answers "
                    + "400 with the field.")
    ResponseEntity<SettingsResource> change(IfMatch ifMatch, @Valid @RequestBody SettingsChange body) {
        int version = ifMatch.required();
        List<SignalSettings.Change> changes = body.rules().stream().map(rule -> {
            Map<String, Integer> values = new LinkedHashMap<>();
            if (rule.thresholds() != null) {
                for (ThresholdValue value : rule.thresholds()) {
                    if (values.put(value.name(), value.value()) != null) {
                        throw new InvalidInputException("thresholds", "signals.settings.threshold.twice");
                    }
                }
            }
            return new SignalSettings.Change(rule.rule(), Boolean.TRUE.equals(rule.enabled()), values);
        }).toList();
        SignalSettings.Settings changed = settings.change(changes, version);
        return ResponseEntity.ok().eTag(IfMatch.etag(changed.version())).body(resource(changed));
    }

    private static SettingsResource resource(SignalSettings.Settings current) {
        return new SettingsResource(current.rules()
            .stream()
            .map(r -> new RuleResource(r.rule().code(), r.rule().severity(), r.enabled(), r.rule()
                .thresholds()
                .stream()
                .map(t -> new ThresholdResource(t.name(), t.unit(), r.value(t), t.defaultValue(), t.min(), t.max()))
                .toList()))
            .toList());
    }

}
