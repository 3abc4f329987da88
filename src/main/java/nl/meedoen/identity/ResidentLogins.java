package nl.meedoen.identity;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The login of a resident (role {@link Role#RESIDENT}): made or reset by the activation
 * letter of Mijn Meedoen, never by an administrator. The link of the account to its
 * person file belongs to the portal.
 */
public interface ResidentLogins {

    /**
     * Sets the password of the resident's account, creating the account when there is
     * none yet, and answers its id. The password follows the rules of every account (at
     * least 12 characters, not easily guessed: 400 on the field {@code password});
     * setting it ends the account's other sessions.
     */
    UUID activate(UUID municipalityId, @Nullable UUID account, String username, String displayName, String password);

    /** The username of a resident's account of the municipality, if it exists. */
    java.util.Optional<String> usernameOf(UUID municipalityId, UUID account);

    /** A resident's account with a password hash made by the caller (the demo). */
    UUID createWithHash(UUID municipalityId, String username, String displayName, String passwordHash);

}
