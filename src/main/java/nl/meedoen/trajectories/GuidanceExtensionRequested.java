package nl.meedoen.trajectories;

import java.util.UUID;

/** A caseworker asked the team lead to extend a person's social guidance. */
public record GuidanceExtensionRequested(UUID municipalityId, UUID personId, UUID requestId, int months) {
}
