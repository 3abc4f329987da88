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

}
