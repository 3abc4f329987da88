package nl.meedoen.identity;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A local account as Spring Security sees it; the principal of every authenticated
 * request.
 */
final class Account implements UserDetails, CredentialsContainer {

    private final CurrentUser user;

    private @Nullable String passwordHash;

    /**
     * The authority of an account whose one-time password must be changed first: until
     * then it may do nothing but change it.
     */
    static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    private final boolean enabled;

    private final boolean passwordChangeRequired;

    Account(CurrentUser user, String passwordHash, boolean enabled, boolean passwordChangeRequired) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.passwordChangeRequired = passwordChangeRequired;
    }

    CurrentUser user() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        if (passwordChangeRequired) {
            return List.of(new SimpleGrantedAuthority(user.role().authority()),
                    new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
        }
        return List.of(new SimpleGrantedAuthority(user.role().authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Account account && account.user.id().equals(user.id());
    }

    @Override
    public int hashCode() {
        return user.id().hashCode();
    }

    @Override
    public String toString() {
        return "Account[" + user.username() + "]";
    }

}
