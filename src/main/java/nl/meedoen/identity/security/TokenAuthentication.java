package nl.meedoen.identity.security;

import java.util.Collection;
import java.util.UUID;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A request authenticated by an API token: its account as principal, the token's role as
 * authority.
 */
final class TokenAuthentication extends AbstractAuthenticationToken {

    private final UserDetails account;

    private final UUID tokenId;

    TokenAuthentication(UserDetails account, UUID tokenId, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.account = account;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return account;
    }

    UUID tokenId() {
        return tokenId;
    }

    /** Whether the current request came in with a token (which may not issue tokens). */
    static boolean current() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof TokenAuthentication;
    }

}
