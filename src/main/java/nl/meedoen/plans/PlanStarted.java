package nl.meedoen.plans;

import java.time.LocalDate;
import java.util.UUID;

/** A personal plan was started for the person, from the given day. */
public record PlanStarted(UUID municipalityId, UUID personId, LocalDate startedOn) {
}
