package nl.meedoen.identity.security;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account that logged in with a one-time password (a new account, a reset by the
 * administrator) can do nothing but change it: every page sends it to the password page,
 * every API call answers 403 with a problem detail saying so. Only sessions of such an
 * account look at the database: once the password is changed, the session's login is
 * renewed without the restriction.
 */
final class PasswordChangeFilter extends OncePerRequestFilter {

    static final String AUTHORITY = "PASSWORD_CHANGE_REQUIRED";

    static final String PAGE = "/wachtwoord";

    private static final Set<String> ALLOWED = Set.of(PAGE, "/uitloggen", "/error", "/favicon.ico", "/geen-toegang");

    private final JdbcClient jdbc;

    private final UserDetailsService accounts;

    private final SecurityConfiguration.ProblemWriter problems;

    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    PasswordChangeFilter(JdbcClient jdbc, UserDetailsService accounts, SecurityConfiguration.ProblemWriter problems) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof UserDetails account)
                || account.getAuthorities().stream().noneMatch(a -> AUTHORITY.equals(a.getAuthority()))) {
            chain.doFilter(request, response);
            return;
        }
        if (!stillRequired(account.getUsername())) {
            if (authentication instanceof UsernamePasswordAuthenticationToken && request.getSession(false) != null) {
                renew(account.getUsername(), request, response);
            }
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (ALLOWED.contains(path) || path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/")) {
            chain.doFilter(request, response);
        }
        else if (path.startsWith("/api/")) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "problem.passwordChangeRequired", "");
        }
        else {
            response.sendRedirect(request.getContextPath() + PAGE + "?eerst");
        }
    }

    private boolean stillRequired(String username) {
        return jdbc.sql("select password_change_required from app_user where username = :username")
            .param("username", username)
            .query(Boolean.class)
            .optional()
            .orElse(true);
    }

    /** The session's login again, as the account now is (its own password chosen). */
    private void renew(String username, HttpServletRequest request, HttpServletResponse response) {
        UserDetails fresh = accounts.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context
            .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }

}
