package nl.meedoen.identity;

import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The logged-in user: who, in which role, for which municipality and team, and (for
 * partner users) for which partner organisation.
 */
public record CurrentUser(UUID id, String username, String displayName, Role role, Municipality municipality,
        @Nullable UUID teamId, @Nullable UUID partnerId) implements Serializable {

    /** The user of the current request, if someone is logged in. */
    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Account account) {
            return Optional.of(account.user());
        }
        if (authentication != null && authentication.getPrincipal() instanceof OidcAccount account) {
            return Optional.of(account.user());
        }
        return Optional.empty();
    }

    public UUID municipalityId() {
        return municipality.id();
    }

    public boolean hasRole(Role wanted) {
        return role == wanted;
    }

    /**
     * Whether the user has one of the roles, named as in the templates
     * ({@code me?.hasAnyRole('CASEWORKER', 'TEAM_LEAD')}): the same answer as Spring
     * Security's {@code hasAnyRole}, as the account's one authority is its role, without
     * evaluating a security expression for each item of the navigation.
     */
    public boolean hasAnyRole(String... names) {
        for (String name : names) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
