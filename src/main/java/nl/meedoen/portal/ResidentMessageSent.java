package nl.meedoen.portal;

import java.util.List;
import java.util.UUID;

/**
 * The resident sent a message to the caseworkers of their file (Mijn Meedoen);
 * {@code caseworkerIds} are the accounts that hear of it: the trajectory's caseworker, or
 * else the caseworkers of the file's team.
 */
public record ResidentMessageSent(UUID municipalityId, UUID personId, UUID messageId, List<UUID> caseworkerIds) {
}
