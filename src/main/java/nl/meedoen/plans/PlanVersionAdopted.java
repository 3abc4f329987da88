package nl.meedoen.plans;

import java.time.LocalDate;
import java.util.UUID;

/** A version of the person's plan was adopted on the given day. */
public record PlanVersionAdopted(UUID municipalityId, UUID personId, LocalDate adoptedOn) {
}
