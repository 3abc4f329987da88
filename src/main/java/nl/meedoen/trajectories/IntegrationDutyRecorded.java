package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person's civic-integration duty was recorded or corrected; under WI2021 the PIP is
 * due on {@code planDueDate}.
 */
public record IntegrationDutyRecorded(UUID municipalityId, UUID personId, IntegrationRegime regime,
        @Nullable LocalDate planDueDate) {
}
