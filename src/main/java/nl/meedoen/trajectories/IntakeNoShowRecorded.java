package nl.meedoen.trajectories;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A person did not come to a broad-intake appointment: the step on the no-show ladder,
 * its consequence, the fine proposed (null for a warning) and the new invitation (null
 * after the 3rd no-show, when the plan may be set without the person's input).
 */
public record IntakeNoShowRecorded(UUID municipalityId, UUID personId, UUID appointmentId, int step,
        NoShowConsequence consequence, @Nullable Integer fineProposalEuros, @Nullable UUID newAppointmentId,
        boolean planWithoutInputAllowed) {
}
