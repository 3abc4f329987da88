package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.UUID;

/** A broad-intake appointment (an invitation) was scheduled. */
public record IntakeAppointmentScheduled(UUID municipalityId, UUID personId, UUID appointmentId,
        LocalDate scheduledOn) {
}
