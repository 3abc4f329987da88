package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.UUID;

/** The person completed the PVT and signed the participation declaration. */
public record ParticipationDeclarationSigned(UUID municipalityId, UUID personId, LocalDate signedOn) {
}
