package nl.meedoen.portal.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.ResidentLogins;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.Time;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The activation letter of Mijn Meedoen: a caseworker prints from the file a letter with
 * a username and a one-time code, valid for {@value #VALID_DAYS} days, with which the
 * resident sets the password of their own account ({@code /mijn/activeren}). Only the
 * SHA-256 hash of the code is stored; the code has 80 random bits, so the hash cannot be
 * turned back into it. A code works once; a new letter replaces the ones before; after
 * {@value #MAXIMUM_FAILURES} wrong codes for its username a letter is blocked and a new
 * one must be printed.
 */
@Component
public class ActivationLetters {

    /** Days a code can be used, as the portal's design promises the resident. */
    public static final int VALID_DAYS = 30;

    /** Wrong codes for one username after which its letter no longer works. */
    public static final int MAXIMUM_FAILURES = 5;

    /** No 0/O, 1/I: letters and digits that cannot be mistaken for one another. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static final int CODE_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    private final Residents residents;

    private final ResidentLogins logins;

    private final ResidentFiles files;

    private final AuditLog audit;

    private final Clock clock;

    private final TransactionTemplate transactions;

    ActivationLetters(JdbcClient jdbc, Residents residents, ResidentLogins logins, ResidentFiles files, AuditLog audit,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.residents = residents;
        this.logins = logins;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** A letter as printed: the only moment the code exists in clear. */
    public record Issued(UUID personId, String name, String username, String code, LocalDate validUntil) {

        @Override
        public String toString() {
            return "Issued[" + personId + ", " + username + "]";
        }
    }

    /**
     * A new letter for the person of the current municipality (404 for a person the
     * caller cannot see); the letters before it stop working. Logged as a processing of
     * the person.
     */
    @Transactional
    public Issued issue(UUID personId) {
        UUID municipality = Tenancy.require();
        Resident person = residents.find(personId).orElseThrow(NotFoundException::new);
        String username = files.accountOf(personId)
            .flatMap(account -> logins.usernameOf(municipality, account))
            .orElseGet(ActivationLetters::newUsername);
        Instant now = clock.instant();
        Instant expires = now.atZone(Time.ZONE).plusDays(VALID_DAYS).toInstant();
        jdbc.sql("""
                update activation_letter set revoked_at = :now, version = version + 1
                where person_id = :p and municipality_id = :m and used_at is null and revoked_at is null""")
            .param("now", at(now))
            .param("p", personId)
            .param("m", municipality)
            .update();
        String code = newCode();
        jdbc.sql("""
                insert into activation_letter (id, municipality_id, person_id, username, code_hash, created_at,
                    created_by, expires_at)
                values (:id, :m, :p, :u, :hash, :now, :by, :expires)""")
            .param("id", UUID.randomUUID())
            .param("m", municipality)
            .param("p", personId)
            .param("u", username)
            .param("hash", hash(code))
            .param("now", at(now))
            .param("by", CurrentUser.current().map(CurrentUser::username).orElse("systeem"))
            .param("expires", at(expires))
            .update();
        audit.record(AuditAction.ACTIVATION_LETTER, personId);
        return new Issued(personId, person.name(), username, grouped(code),
                LocalDate.ofInstant(expires, Time.ZONE).minusDays(1));
    }

    /** The outcome of entering a code. */
    public enum Outcome {

        /** The account has its password and is linked to the person. */
        ACTIVATED,
        /**
         * Wrong username or code, expired, used, replaced or blocked: one answer for all,
         * so it tells a guesser nothing.
         */
        REFUSED

    }

    /**
     * Sets the resident's password with the code of their letter: creates the account (or
     * gives the existing one the new password) and links it to the person, once. A wrong
     * code counts against the letter of the username. A password that breaks the rules
     * answers 400 on {@code password} and leaves the letter as it was.
     */
    public Outcome activate(@Nullable String username, @Nullable String code, String password) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        // no one is logged in: the letter names the municipality, whose tables the rest
        // reads
        Optional<UUID> municipality = jdbc.sql("""
                select municipality_id from activation_letter where username = :u and revoked_at is null
                order by created_at desc limit 1""").param("u", name).query(UUID.class).optional();
        if (municipality.isEmpty()) {
            return Outcome.REFUSED;
        }
        return Tenancy.runAs(municipality.get(),
                () -> transactions.execute(status -> attempt(municipality.get(), name, code, password)));
    }

    private Outcome attempt(UUID municipality, String name, @Nullable String code, String password) {
        Optional<Letter> found = jdbc.sql("""
                select id, person_id, username, code_hash, expires_at, used_at, failed_attempts
                from activation_letter where username = :u and municipality_id = :m and revoked_at is null
                order by created_at desc limit 1 for update""")
            .param("u", name)
            .param("m", municipality)
            .query((rs, i) -> new Letter(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                    rs.getString("username"), rs.getString("code_hash"),
                    rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getObject("used_at") != null,
                    rs.getInt("failed_attempts")))
            .optional();
        if (found.isEmpty()) {
            return Outcome.REFUSED;
        }
        Letter letter = found.get();
        Instant now = clock.instant();
        if (letter.used() || letter.failures() >= MAXIMUM_FAILURES || !now.isBefore(letter.expires())) {
            return Outcome.REFUSED;
        }
        if (!MessageDigest.isEqual(hash(normalised(code)).getBytes(StandardCharsets.US_ASCII),
                letter.codeHash().getBytes(StandardCharsets.US_ASCII))) {
            jdbc.sql("""
                    update activation_letter set failed_attempts = failed_attempts + 1, version = version + 1
                    where id = :id and municipality_id = :m""")
                .param("id", letter.id())
                .param("m", municipality)
                .update();
            return Outcome.REFUSED;
        }
        Resident person = residents.find(letter.personId()).orElseThrow(NotFoundException::new);
        Optional<UUID> existing = files.accountOf(letter.personId());
        UUID account = logins.activate(municipality, existing.orElse(null), letter.username(), person.name(), password);
        if (existing.isEmpty()) {
            files.link(account, letter.personId());
        }
        jdbc.sql("""
                update activation_letter set used_at = :now, version = version + 1
                where id = :id and municipality_id = :m and used_at is null""")
            .param("now", at(now))
            .param("id", letter.id())
            .param("m", municipality)
            .update();
        audit.record(AuditAction.PORTAL_UPDATE, letter.personId());
        return Outcome.ACTIVATED;
    }

    private record Letter(UUID id, UUID personId, String username, String codeHash, Instant expires, boolean used,
            int failures) {
    }

    static String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    static String newUsername() {
        return "inwoner." + (10_000_000 + RANDOM.nextInt(90_000_000));
    }

    /** The code in groups of four, as the letter prints it. */
    static String grouped(String code) {
        return String.join("-", code.substring(0, 4), code.substring(4, 8), code.substring(8, 12), code.substring(12));
    }

    /** The code as typed, without spaces or dashes, in capitals. */
    static String normalised(@Nullable String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static String hash(String code) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

}
