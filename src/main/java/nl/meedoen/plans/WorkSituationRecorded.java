package nl.meedoen.plans;

import java.util.UUID;

/** The person's work situation (paid hours, route to work) was recorded. */
public record WorkSituationRecorded(UUID municipalityId, UUID personId) {
}
