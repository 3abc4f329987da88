package nl.meedoen.identity;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * An account logged in through the municipality's OpenID Connect provider: the local
 * account (its role, municipality and team as Meedoen holds them) together with the
 * provider's ID token, which logging out hands back to end the provider's session too.
 * Its name is the account's name, so its sessions are found and ended like any other.
 */
public final class OidcAccount extends DefaultOidcUser {

    private final CurrentUser user;

    /**
     * @param account the local account, as the login's user lookup answers it
     * @param idToken the provider's ID token of this login
     * @param userInfo the provider's user info, if it was fetched
     */
    public OidcAccount(UserDetails account, OidcIdToken idToken, @Nullable OidcUserInfo userInfo) {
        super(account.getAuthorities(), idToken, userInfo);
        if (!(account instanceof Account local)) {
            throw new IllegalArgumentException("not an account of Meedoen");
        }
        this.user = local.user();
    }

    CurrentUser user() {
        return user;
    }

    @Override
    public String getName() {
        return user.username();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OidcAccount account && account.user.id().equals(user.id())
                && account.getIdToken().getTokenValue().equals(getIdToken().getTokenValue());
    }

    @Override
    public int hashCode() {
        return user.id().hashCode();
    }

}
