package nl.meedoen.identity.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates an API request that carries {@code Authorization: Bearer <token>}: the
 * token's account, with the token's role only, for this request (no session is made). An
 * unknown, expired or revoked token, or one whose account is disabled, is answered 401 at
 * once, whatever else the request carries.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    private final UserDetailsService accounts;

    private final SecurityConfiguration.ProblemWriter problems;

    BearerTokenFilter(ApiTokens tokens, UserDetailsService accounts, SecurityConfiguration.ProblemWriter problems) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<TokenAuthentication> authentication = authenticate(authorization.substring(7).trim());
        if (authentication.isEmpty()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.token.invalid",
                    "Bearer error=\"invalid_token\"");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Optional<TokenAuthentication> authenticate(String token) {
        if (!token.startsWith(ApiTokens.PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        return tokens.check(token).flatMap(valid -> {
            try {
                UserDetails account = accounts.loadUserByUsername(valid.username());
                if (!account.isEnabled()) {
                    return Optional.empty();
                }
                return Optional.of(new TokenAuthentication(account, valid.id(),
                        List.of(new SimpleGrantedAuthority(valid.role().authority()))));
            }
            catch (UsernameNotFoundException gone) {
                return Optional.empty();
            }
        });
    }

}
