package nl.meedoen.identity;

import java.util.UUID;

/**
 * A second administrator or team lead decided on a role that reads files (four-eyes), for
 * the administrator who asked for it.
 *
 * @param municipalityId the account's municipality
 * @param approvalId the request
 * @param account the account's name
 * @param requestedRole the role asked for
 * @param requesterId the account that asked for it
 * @param approved whether the role was approved (else declined)
 */
public record RoleApprovalDecided(UUID municipalityId, UUID approvalId, String account, Role requestedRole,
        UUID requesterId, boolean approved) {
}
