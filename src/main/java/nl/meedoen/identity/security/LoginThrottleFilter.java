package nl.meedoen.identity.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a login attempt, before its password is checked, while its account name or
 * client address is blocked ({@link LoginThrottle}): 429 with {@code Retry-After}, a
 * problem detail on the API and the Dutch error page on the login form. Applies to the
 * login form's POST and to every request with HTTP Basic credentials.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    static final String LOGIN_PATH = "/inloggen";

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> username = attemptedUsername(request);
        if (username.isPresent()) {
            Optional<Duration> wait = throttle.waitFor(username.get(), request.getRemoteAddr());
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
                response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static Optional<String> attemptedUsername(HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && LOGIN_PATH.equals(request.getServletPath())) {
            return Optional.of(nullToEmpty(request.getParameter("username")));
        }
        return basicUsername(request.getHeader(HttpHeaders.AUTHORIZATION));
    }

    private static Optional<String> basicUsername(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
        }
        catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

}
