package nl.meedoen.trajectories.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.trajectories.internal.TrajectorySettings;
import nl.meedoen.trajectories.internal.TrajectorySettings.Stored;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The municipality's trajectory durations and amounts over JSON: everyone who works with
 * trajectories reads them, a functional administrator changes them (with the ETag of the
 * version read in {@code If-Match}).
 */
@RestController
@RequestMapping("/api/v1/trajectory-settings")
@Tag(name = "Trajectory settings", description = "The municipality's trajectory durations and amounts.")
class TrajectorySettingsApi {

    private final TrajectorySettings settings;

    TrajectorySettingsApi(TrajectorySettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD', 'ADMIN')")
    @Operation(summary = "Read the settings",
            description = "Caseworkers, team leads and administrators: the durations and amounts, with the "
                    + "version as ETag.")
    ResponseEntity<SettingsBody> read() {
        Stored stored = settings.stored();
        return ResponseEntity.ok().eTag(IfMatch.etag(stored.version())).body(SettingsBody.of(stored.rules()));
    }

    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change the settings",
            description = "Functional administrators only, with the ETag read in If-Match (needed once the "
                    + "municipality has settings of its own: 428 without, 412 when stale). Each value within its "
                    + "range (400 per field otherwise).")
    ResponseEntity<SettingsBody> change(IfMatch ifMatch, @Valid @RequestBody SettingsBody body) {
        Stored stored = settings.change(body.rules(), ifMatch.requiredOnceCreated(settings.stored().version()));
        return ResponseEntity.ok().eTag(IfMatch.etag(stored.version())).body(SettingsBody.of(stored.rules()));
    }

}
