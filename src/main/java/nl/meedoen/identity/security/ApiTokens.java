package nl.meedoen.identity.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Time;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal and service API tokens. A token is 32 random bytes, shown once; only its
 * SHA-256 hash is stored (a token is not a password a person chose, so a fast hash of it
 * cannot be guessed back). A token acts as its account in the role it was issued for and
 * stops working when it expires, is revoked, or its account is disabled or changed (see
 * {@code AccountSessions}). Its last use is recorded, at most once a minute.
 */
@Service
public class ApiTokens {

    /**
     * Tokens start with this, so a leaked one is recognisable in a log or a repository.
     */
    static final String PREFIX = "mdn_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    public enum Kind {

        PERSONAL, SERVICE

    }

    public record Issued(UUID id, String token) {
    }

    public record TokenView(UUID id, String name, Kind kind, String username, Role role, String prefix,
            LocalDate expiresOn, Instant createdAt, @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {
    }

    /** What a presented token stands for. */
    record Valid(UUID id, String username, Role role) {
    }

    private final JdbcClient jdbc;

    private final Clock clock;

    private final int longestDays;

    ApiTokens(JdbcClient jdbc, Clock clock, @Value("${meedoen.security.tokens.longest-days:365}") int longestDays) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.longestDays = longestDays;
    }

    /**
     * Issues a token for the caller, or — by an ADMIN — a service token for another
     * account of the municipality (a partner's system, a script).
     */
    @Transactional
    public Issued issue(String name, LocalDate expiresOn, @Nullable UUID forAccount) {
        CurrentUser caller = CurrentUser.current().orElseThrow(NotFoundException::new);
        if (TokenAuthentication.current()) {
            throw new AccessDeniedException("a token does not issue tokens");
        }
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new InvalidInputException("name", "token.name.required");
        }
        LocalDate today = LocalDate.now(clock);
        if (!expiresOn.isAfter(today) || expiresOn.isAfter(today.plusDays(longestDays))) {
            throw new InvalidInputException("expiresOn", "token.expiresOn.range");
        }
        UUID accountId = caller.id();
        Role role = caller.role();
        Kind kind = Kind.PERSONAL;
        if (forAccount != null && !forAccount.equals(caller.id())) {
            if (caller.role() != Role.ADMIN) {
                throw new AccessDeniedException("only an administrator issues service tokens");
            }
            record Target(UUID id, Role role) {
            }
            Target target = jdbc.sql("""
                    select id, role from app_user where municipality_id = :m and id = :id and enabled""")
                .param("m", caller.municipalityId())
                .param("id", forAccount)
                .query((rs, i) -> new Target(rs.getObject("id", UUID.class), Role.valueOf(rs.getString("role"))))
                .optional()
                .orElseThrow(() -> new InvalidInputException("accountId", "token.account.unknown"));
            accountId = target.id();
            role = target.role();
            kind = Kind.SERVICE;
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        jdbc.sql(
                """
                        insert into api_token (id, municipality_id, account_id, name, kind, role, token_hash, prefix, expires_on,
                            created_by, created_at)
                        values (:id, :m, :account, :name, :kind, :role, :hash, :prefix, :expires, :by, :at)""")
            .param("id", id)
            .param("m", caller.municipalityId())
            .param("account", accountId)
            .param("name", trimmed)
            .param("kind", kind.name())
            .param("role", role.name())
            .param("hash", hash(token))
            .param("prefix", token.substring(0, PREFIX.length() + 6))
            .param("expires", expiresOn)
            .param("by", caller.id())
            .param("at", at(clock.instant()))
            .update();
        return new Issued(id, token);
    }

    /** The caller's own tokens; an ADMIN sees every token of the municipality. */
    @Transactional(readOnly = true)
    public List<TokenView> tokens() {
        CurrentUser caller = CurrentUser.current().orElseThrow(NotFoundException::new);
        return jdbc.sql("""
                select t.id, t.name, t.kind, u.username, t.role, t.prefix, t.expires_on, t.created_at, t.last_used_at,
                       t.revoked_at
                from api_token t join app_user u on u.id = t.account_id
                where t.municipality_id = :m and (:all or t.account_id = :me or t.created_by = :me)
                order by t.created_at desc""")
            .param("m", caller.municipalityId())
            .param("all", caller.role() == Role.ADMIN)
            .param("me", caller.id())
            .query((rs, i) -> new TokenView(rs.getObject("id", UUID.class), rs.getString("name"),
                    Kind.valueOf(rs.getString("kind")), rs.getString("username"), Role.valueOf(rs.getString("role")),
                    rs.getString("prefix"), rs.getObject("expires_on", LocalDate.class),
                    rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                    instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                    instant(rs.getObject("revoked_at", OffsetDateTime.class))))
            .list();
    }

    /** Revokes one of the caller's tokens (an ADMIN: any of the municipality). */
    @Transactional
    public void revoke(UUID id) {
        CurrentUser caller = CurrentUser.current().orElseThrow(NotFoundException::new);
        int rows = jdbc.sql("""
                update api_token set revoked_at = coalesce(revoked_at, :at), revoked_by = coalesce(revoked_by, :me)
                where municipality_id = :m and id = :id and (:all or account_id = :me or created_by = :me)""")
            .param("at", at(clock.instant()))
            .param("me", caller.id())
            .param("m", caller.municipalityId())
            .param("id", id)
            .param("all", caller.role() == Role.ADMIN)
            .update();
        if (rows == 0) {
            throw new NotFoundException();
        }
    }

    /**
     * The token's account and role, if the token is known, not revoked, not expired and
     * its account enabled.
     */
    Optional<Valid> check(String token) {
        Instant now = clock.instant();
        Optional<Valid> valid = jdbc.sql("""
                select t.id, u.username, t.role, t.last_used_at
                from api_token t join app_user u on u.id = t.account_id
                where t.token_hash = :hash and t.revoked_at is null and t.expires_on >= :today and u.enabled""")
            .param("hash", hash(token))
            .param("today", LocalDate.ofInstant(now, Time.ZONE))
            .query((rs, i) -> {
                OffsetDateTime lastUsed = rs.getObject("last_used_at", OffsetDateTime.class);
                UUID id = rs.getObject("id", UUID.class);
                if (lastUsed == null || lastUsed.toInstant().plus(USE_RECORDED_EVERY).isBefore(now)) {
                    markUsed(id, now);
                }
                return new Valid(id, rs.getString("username"), Role.valueOf(rs.getString("role")));
            })
            .optional();
        return valid;
    }

    private void markUsed(UUID id, Instant now) {
        jdbc.sql("update api_token set last_used_at = :at where id = :id")
            .param("at", at(now))
            .param("id", id)
            .update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

}
