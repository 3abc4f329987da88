package nl.meedoen.portal;

import java.util.List;
import java.util.UUID;

/**
 * The resident reported a new phone number, e-mail address or address (Mijn Meedoen); it
 * waits for a caseworker of the file to accept or reject it. {@code caseworkerIds} are
 * the accounts that hear of it: the trajectory's caseworker, or else the caseworkers of
 * the file's team.
 */
public record ChangeReported(UUID municipalityId, UUID personId, UUID requestId, List<UUID> caseworkerIds) {
}
