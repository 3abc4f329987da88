package nl.meedoen.identity.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.identity.AccountEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts every failed login (wrong password, unknown name, disabled account — all alike)
 * and clears the account's count on success, for the form and HTTP Basic alike: Spring
 * Security publishes both outcomes for every authentication attempt.
 * <p>
 * The outcomes are security events in the account's municipality's processing log, few
 * enough that a password-guessing storm does not flood it: the first failure of an
 * account in the throttle's window, then one entry per block with the number of failures
 * counted into it (later failures of a blocked name are refused before they are counted);
 * every login through the form. A name that belongs to no account has no municipality and
 * so no processing log: its blocks go to the application log. HTTP Basic sends the
 * password with every request, so its successes are not logins and are not logged.
 */
@Component
class LoginOutcomes {

    private static final Logger log = LoggerFactory.getLogger(LoginOutcomes.class);

    private final LoginThrottle throttle;

    private final JdbcClient jdbc;

    private final ApplicationEventPublisher events;

    LoginOutcomes(LoginThrottle throttle, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.events = events;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent failure) {
        String username = normalise(failure.getAuthentication().getName());
        String address = address(failure.getAuthentication().getDetails());
        LoginThrottle.Failure counted = throttle.failed(username, address);
        Optional<UUID> municipality = municipalityOf(username);
        if (counted.accountBlock() != null) {
            String detail = counted.accountFailures() + " failures from " + address + ", blocked for "
                    + seconds(counted.accountBlock());
            municipality.ifPresentOrElse(m -> publish(AccountEvent.Kind.LOGIN_BLOCKED, m, username, detail),
                    () -> log.warn("Login name blocked (no such account): {}", detail));
        }
        else if (counted.accountFailures() == 1) {
            municipality.ifPresent(m -> publish(AccountEvent.Kind.LOGIN_FAILED, m, username, "from " + address));
        }
        if (counted.addressBlock() != null) {
            String detail = "address " + address + ": " + counted.addressFailures() + " failures, blocked for "
                    + seconds(counted.addressBlock());
            municipality.ifPresentOrElse(m -> publish(AccountEvent.Kind.LOGIN_BLOCKED, m, username, detail),
                    () -> log.warn("Client address blocked: {}", detail));
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent success) {
        throttle.succeeded(success.getAuthentication().getName());
    }

    /** A login through the form: logged in the account's own name. */
    void loggedIn(String username, @Nullable Object details) {
        String name = normalise(username);
        municipalityOf(name).ifPresent(m -> events.publishEvent(new AccountEvent(AccountEvent.Kind.LOGIN_SUCCEEDED, m,
                name, name, roleOf(name), "form from " + address(details))));
    }

    private void publish(AccountEvent.Kind kind, UUID municipalityId, String username, String detail) {
        events.publishEvent(new AccountEvent(kind, municipalityId, username, null, null, detail));
    }

    private Optional<UUID> municipalityOf(String username) {
        return jdbc.sql("select municipality_id from app_user where username = :u")
            .param("u", username)
            .query(UUID.class)
            .optional();
    }

    private @Nullable String roleOf(String username) {
        return jdbc.sql("select role from app_user where username = :u")
            .param("u", username)
            .query(String.class)
            .optional()
            .orElse(null);
    }

    private static String normalise(@Nullable String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        // a name is at most 60 characters; longer input (a pasted password?) is not kept
        // whole
        return name.length() > 60 ? name.substring(0, 60) : name;
    }

    private static String seconds(Duration block) {
        return block.toSeconds() + " s";
    }

    private static String address(@Nullable Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "";
    }

}
