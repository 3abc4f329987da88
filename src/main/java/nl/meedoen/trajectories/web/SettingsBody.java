package nl.meedoen.trajectories.web;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotNull;
import nl.meedoen.trajectories.internal.TrajectorySettings.Rules;
import org.jspecify.annotations.Nullable;

/**
 * The municipality's trajectory durations and amounts as the settings page and API take
 * them; each one is required, its range is the domain's.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SettingsBody(@NotNull(message = "{trajectories.settings.required}") @Nullable Integer guidanceMonths,
        @NotNull(message = "{trajectories.settings.required}") @Nullable Integer extensionMonths,
        @NotNull(message = "{trajectories.settings.required}") @Nullable Integer planWeeks,
        @NotNull(message = "{trajectories.settings.required}") @Nullable Integer thirdPartyWeeks,
        @NotNull(message = "{trajectories.settings.required}") @Nullable Integer integrationYears,
        @NotNull(message = "{trajectories.settings.required}") @Nullable Integer routeSwitchMonths,
        @NotNull(message = "{trajectories.settings.required}") @Nullable Integer pvtHours,
        @NotNull(message = "{trajectories.settings.required}") @Nullable Integer stepDownHours,
        @NotNull(message = "{trajectories.settings.required}") @Nullable Integer zCourseHours,
        @NotNull(message = "{trajectories.settings.required}") @Nullable Integer zParticipationHours,
        @NotNull(message = "{trajectories.settings.required}") @Nullable Integer mapPracticalHours,
        @NotNull(message = "{trajectories.settings.required}") @Nullable Integer noShowFineEuros,
        @NotNull(message = "{trajectories.settings.required}") @Nullable Integer ontzorgenMonths,
        @NotNull(message = "{trajectories.settings.required}") @Nullable Integer calendarWeeks) {

    /** The fields in the order of the form. */
    static final List<String> FIELDS = Arrays.stream(SettingsBody.class.getRecordComponents())
        .map(RecordComponent::getName)
        .toList();

    static SettingsBody of(Rules r) {
        return new SettingsBody(r.guidanceMonths(), r.extensionMonths(), r.planWeeks(), r.thirdPartyWeeks(),
                r.integrationYears(), r.routeSwitchMonths(), r.pvtHours(), r.stepDownHours(), r.zCourseHours(),
                r.zParticipationHours(), r.mapPracticalHours(), r.noShowFineEuros(), r.ontzorgenMonths(),
                r.calendarWeeks());
    }

    Rules rules() {
        return new Rules(guidanceMonths, extensionMonths, planWeeks, thirdPartyWeeks, integrationYears,
                routeSwitchMonths, pvtHours, stepDownHours, zCourseHours, zParticipationHours, mapPracticalHours,
                noShowFineEuros, ontzorgenMonths, calendarWeeks);
    }
}
