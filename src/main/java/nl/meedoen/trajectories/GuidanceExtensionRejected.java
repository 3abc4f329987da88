package nl.meedoen.trajectories;

import java.util.UUID;

/** A team lead rejected the extension; the end date stays. */
public record GuidanceExtensionRejected(UUID municipalityId, UUID personId, UUID requestId) {
}
