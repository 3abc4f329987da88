package nl.meedoen.trajectories.web;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.trajectories.internal.TrajectorySettings.Rules;
import org.jspecify.annotations.Nullable;

/**
 * The municipality's local trajectory policy as the settings page and API take it; each
 * value is required, its range is the domain's, the no-show fine at most the legal
 * maximum (named in the message).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SettingsBody(@NotNull(message = "{trajectories.settings.required}") @Nullable Integer guidanceMonths,
        @NotNull(message = "{trajectories.settings.required}") @Nullable Integer extensionMonths,
        @NotNull(message = "{trajectories.settings.required}") @Nullable Integer thirdPartyWeeks,
        @NotNull(message = "{trajectories.settings.required}") @Nullable Integer pvtHours,
        @NotNull(message = "{trajectories.settings.required}") @WithinLegalFine @Nullable Integer noShowFineEuros,
        @NotNull(message = "{trajectories.settings.required}") @Nullable Integer calendarWeeks) {

    /** The fields in the order of the form. */
    static final List<String> FIELDS = Arrays.stream(SettingsBody.class.getRecordComponents())
        .map(RecordComponent::getName)
        .toList();

    static SettingsBody of(Rules r) {
        return new SettingsBody(r.guidanceMonths(), r.extensionMonths(), r.thirdPartyWeeks(), r.pvtHours(),
                r.noShowFineEuros(), r.calendarWeeks());
    }

    Rules rules() {
        return new Rules(guidanceMonths, extensionMonths, thirdPartyWeeks, pvtHours, noShowFineEuros, calendarWeeks);
    }
}
