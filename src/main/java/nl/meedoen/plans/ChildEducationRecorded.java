package nl.meedoen.plans;

import java.util.UUID;

/**
 * The education of a child in the person's household (school, childcare, VVE) was
 * recorded.
 */
public record ChildEducationRecorded(UUID municipalityId, UUID personId, UUID childId) {
}
