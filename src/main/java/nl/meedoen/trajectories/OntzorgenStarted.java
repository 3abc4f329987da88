package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Ontzorgen was started or changed: the municipality pays the chosen fixed costs until
 * {@code endDate}.
 */
public record OntzorgenStarted(UUID municipalityId, UUID personId, LocalDate assistanceStart, LocalDate endDate,
        boolean rent, boolean energy, boolean healthInsurance) {
}
