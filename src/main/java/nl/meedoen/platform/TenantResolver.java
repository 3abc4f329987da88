package nl.meedoen.platform;

import java.util.Optional;
import java.util.UUID;

/**
 * Tells which municipality the logged-in user works for; implemented by the identity
 * module.
 */
@FunctionalInterface
public interface TenantResolver {

    Optional<UUID> currentMunicipality();

    /**
     * The team whose caseload (and shares) alone the logged-in user may open, when
     * need-to-know applies to their role; empty for a role that works municipality-wide.
     */
    default Optional<UUID> currentTeamScope() {
        return Optional.empty();
    }

}
