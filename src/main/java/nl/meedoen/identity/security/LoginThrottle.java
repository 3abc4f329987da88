package nl.meedoen.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing passwords, per account name and per client address. The failure
 * that reaches the threshold (the 5th for an account, the 20th for an address, which a
 * whole office may share) blocks the key for 30 seconds; each failure after that blocks
 * it twice as long as the one before, up to 15 minutes. While a key is blocked every
 * login with it is refused before the password is checked, the right password too, so
 * neither guessing nor the hashing of guesses continues. A name that does not exist
 * counts exactly like one that does, so the answers tell nobody which accounts exist. A
 * successful login clears the account's count; failures older than the window are
 * forgotten.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;

    private final Clock clock;

    private final int accountFailures;

    private final int addressFailures;

    private final Duration firstBlock;

    private final Duration longestBlock;

    private final Duration window;

    LoginThrottle(JdbcClient jdbc, Clock clock,
            @Value("${meedoen.security.login-throttle.account-failures:5}") int accountFailures,
            @Value("${meedoen.security.login-throttle.address-failures:20}") int addressFailures,
            @Value("${meedoen.security.login-throttle.first-block:30s}") Duration firstBlock,
            @Value("${meedoen.security.login-throttle.longest-block:15m}") Duration longestBlock,
            @Value("${meedoen.security.login-throttle.window:15m}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accountFailures = accountFailures;
        this.addressFailures = addressFailures;
        this.firstBlock = firstBlock;
        this.longestBlock = longestBlock;
        this.window = window;
    }

    /** How long a login with this name from this address must still wait, if at all. */
    Optional<Duration> waitFor(@Nullable String username, @Nullable String address) {
        Instant now = clock.instant();
        return jdbc.sql("select max(blocked_until) from login_throttle where key in (:keys) and blocked_until > :now")
            .param("keys", List.of(accountKey(username), addressKey(address)))
            .param("now", at(now))
            .query(OffsetDateTime.class)
            .optional()
            .map(until -> Duration.between(now, until.toInstant()));
    }

    /**
     * A failed login as counted: the failures of the name and of the address in the
     * window, and for each the block it started ({@code null} when it started none).
     */
    record Failure(int accountFailures, @Nullable Duration accountBlock, int addressFailures,
            @Nullable Duration addressBlock) {
    }

    /** Counts a failed login against the name and the address. */
    Failure failed(@Nullable String username, @Nullable String address) {
        Count account = count(accountKey(username), accountFailures);
        Count byAddress = count(addressKey(address), addressFailures);
        return new Failure(account.failures(), account.block(), byAddress.failures(), byAddress.block());
    }

    private record Count(int failures, @Nullable Duration block) {
    }

    void succeeded(String username) {
        jdbc.sql("delete from login_throttle where key = :key").param("key", accountKey(username)).update();
    }

    private Count count(String key, int threshold) {
        Instant now = clock.instant();
        Integer failures = jdbc
            .sql("""
                    insert into login_throttle (key, failures, first_failure, last_failure)
                    values (:key, 1, :now, :now)
                    on conflict (key) do update set
                        failures = case when login_throttle.last_failure < :forgotten then 1 else login_throttle.failures + 1 end,
                        first_failure = case when login_throttle.last_failure < :forgotten then :now
                                             else login_throttle.first_failure end,
                        last_failure = :now
                    returning failures""")
            .param("key", key)
            .param("now", at(now))
            .param("forgotten", at(now.minus(window)))
            .query(Integer.class)
            .single();
        if (failures >= threshold) {
            Duration block = block(failures - threshold);
            jdbc.sql("update login_throttle set blocked_until = :until where key = :key")
                .param("key", key)
                .param("until", at(now.plus(block)))
                .update();
            return new Count(failures, block);
        }
        return new Count(failures, null);
    }

    /**
     * 30 s for the first failure past the threshold, doubling, at most the longest block.
     */
    Duration block(int pastThreshold) {
        if (pastThreshold >= 20) {
            return longestBlock;
        }
        Duration block = firstBlock.multipliedBy(1L << pastThreshold);
        return block.compareTo(longestBlock) > 0 ? longestBlock : block;
    }

    private static String accountKey(@Nullable String username) {
        return "account:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(@Nullable String address) {
        return "address:" + (address == null ? "" : address);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
