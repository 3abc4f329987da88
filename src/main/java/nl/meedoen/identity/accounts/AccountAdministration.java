package nl.meedoen.identity.accounts;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.identity.AccountEvent;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.PartnerOrganisations;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Functional administration of the accounts of one municipality, and every user's own
 * password. Passwords are at least 12 characters, never the demo password and never the
 * user name. A password the administrator sets (for a new account or by a reset) is a
 * one-time password: the account must change it at its first login. Every action of an
 * administrator on an account goes to the processing log ({@link AccountEvent}), in the
 * transaction that makes it.
 */
@Service
class AccountAdministration {

    static final int MINIMUM_PASSWORD_LENGTH = 12;

    private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);

    record AccountView(UUID id, String username, String displayName, Role role, @Nullable UUID teamId,
            @Nullable String teamName, @Nullable UUID partnerId, boolean enabled, int version,
            @Nullable Role waitingRole) {
    }

    record Team(UUID id, String name) {
    }

    /** A new account and its one-time password, shown once. */
    record Created(UUID id, String oneTimePassword) {
    }

    /**
     * Letters and digits that cannot be mistaken for one another when read aloud or typed
     * over.
     */
    private static final char[] ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        .toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    private final PasswordEncoder passwords;

    private final ObjectProvider<PartnerOrganisations> partnerOrganisations;

    private final AccountSessions sessions;

    private final ApplicationEventPublisher events;

    private final RoleApprovals approvals;

    AccountAdministration(JdbcClient jdbc, PasswordEncoder passwords,
            ObjectProvider<PartnerOrganisations> partnerOrganisations, AccountSessions sessions,
            ApplicationEventPublisher events, RoleApprovals approvals) {
        this.approvals = approvals;
        this.partnerOrganisations = partnerOrganisations;
        this.sessions = sessions;
        this.events = events;
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Transactional(readOnly = true)
    List<AccountView> accounts() {
        return jdbc.sql(SELECT + " where u.municipality_id = :m order by u.username")
            .param("m", admin().municipalityId())
            .query(AccountAdministration::view)
            .list();
    }

    @Transactional(readOnly = true)
    AccountView account(UUID id) {
        return find(admin().municipalityId(), id).orElseThrow(NotFoundException::new);
    }

    @Transactional(readOnly = true)
    List<Team> teams() {
        return jdbc.sql("select id, name from team where municipality_id = :m order by name")
            .param("m", admin().municipalityId())
            .query(Team.class)
            .list();
    }

    /**
     * The partner organisations a partner user can belong to (none when no module keeps
     * them).
     */
    @Transactional(readOnly = true)
    List<PartnerOrganisations.Organisation> partnerOrganisations() {
        PartnerOrganisations organisations = partnerOrganisations.getIfAvailable();
        return organisations == null ? List.of() : organisations.all();
    }

    /**
     * Creates an account with a one-time password: the one given (the administrator's
     * form), or a generated one when none is given (the API).
     */
    @Transactional
    Created create(String username, String displayName, Role role, @Nullable UUID teamId, @Nullable UUID partnerId,
            @Nullable String givenPassword) {
        CurrentUser admin = admin();
        String name = normaliseUsername(username);
        String password = givenPassword == null ? oneTimePasswordFor(name) : givenPassword;
        if (!name.matches("[a-z0-9][a-z0-9._-]{1,59}")) {
            throw new InvalidInputException("username", "account.username.invalid");
        }
        if (displayName.isBlank() || displayName.length() > 120) {
            throw new InvalidInputException("displayName", "account.displayName.required");
        }
        refuseResident(role);
        checkPassword(name, password, "password");
        checkTeam(admin.municipalityId(), teamId);
        UUID partner = partnerOf(role, partnerId);
        UUID id = UUID.randomUUID();
        boolean waits = approvals.needed(null, role);
        try {
            jdbc.sql("""
                    insert into app_user (id, municipality_id, team_id, username, display_name, password_hash, role,
                        partner_id, password_change_required, enabled)
                    values (:id, :m, :team, :username, :name, :hash, :role, :partner, true, :enabled)""")
                .param("enabled", !waits)
                .param("id", id)
                .param("m", admin.municipalityId())
                .param("team", teamId)
                .param("partner", partner)
                .param("username", name)
                .param("name", displayName.strip())
                .param("hash", passwords.encode(password))
                .param("role", role.name())
                .update();
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("account.username.taken");
        }
        log.info("Account {} ({}) created by {}", name, role, admin.username());
        publish(admin, AccountEvent.Kind.CREATED, name, "role " + role + teamText(teamId));
        if (waits) {
            approvals.request(admin, id, name, RoleApprovals.Kind.NEW_ACCOUNT, null, role);
        }
        return new Created(id, password);
    }

    @Transactional
    void change(UUID id, int expectedVersion, String displayName, Role role, @Nullable UUID teamId,
            @Nullable UUID partnerId, boolean enabled) {
        refuseResident(role);
        CurrentUser admin = admin();
        AccountView current = find(admin.municipalityId(), id).orElseThrow(NotFoundException::new);
        if (displayName.isBlank() || displayName.length() > 120) {
            throw new InvalidInputException("displayName", "account.displayName.required");
        }
        if (current.id().equals(admin.id()) && (!enabled || role != Role.ADMIN)) {
            throw new ConflictException("account.self.lockout");
        }
        checkTeam(admin.municipalityId(), teamId);
        if (enabled && !current.enabled() && approvals.newAccountWaiting(id)) {
            throw new ConflictException("account.approval.waitsToEnable");
        }
        boolean waits = approvals.needed(current.role(), role);
        Role requested = role;
        if (waits) {
            // the role takes effect once a second administrator or team lead approves it
            role = current.role();
        }
        UUID partner = partnerOf(role, partnerId);
        int rows = jdbc.sql("""
                update app_user set display_name = :name, role = :role, team_id = :team, partner_id = :partner,
                    enabled = :enabled, version = version + 1
                where municipality_id = :m and id = :id and version = :version""")
            .param("name", displayName.strip())
            .param("role", role.name())
            .param("team", teamId)
            .param("partner", partner)
            .param("enabled", enabled)
            .param("m", admin.municipalityId())
            .param("id", id)
            .param("version", expectedVersion)
            .update();
        if (rows == 0) {
            throw new StaleVersionException();
        }
        if (current.role() != role || !Objects.equals(current.teamId(), teamId)
                || !Objects.equals(current.partnerId(), partner) || current.enabled() != enabled) {
            sessions.end(current.username(), null);
        }
        log.info("Account {} changed by {}: role {}, enabled {}", current.username(), admin.username(), role, enabled);
        if (current.role() != role) {
            publish(admin, AccountEvent.Kind.ROLE_CHANGED, current.username(), current.role() + " -> " + role);
        }
        if (!Objects.equals(current.teamId(), teamId) || !Objects.equals(current.partnerId(), partner)
                || !current.displayName().equals(displayName.strip())) {
            publish(admin, AccountEvent.Kind.CHANGED, current.username(), "team " + current.teamId() + " -> " + teamId
                    + ", partner " + current.partnerId() + " -> " + partner);
        }
        if (current.enabled() != enabled) {
            publish(admin, enabled ? AccountEvent.Kind.ENABLED : AccountEvent.Kind.DISABLED, current.username(), "");
        }
        if (waits) {
            approvals.request(admin, id, current.username(), RoleApprovals.Kind.ROLE_CHANGE, current.role(), requested);
        }
    }

    /**
     * Resets the account's password to a one-time password (the one given, or a generated
     * one), to be changed at its next login; ends its sessions and tokens.
     */
    @Transactional
    String resetPassword(UUID id, @Nullable String givenPassword) {
        return resetPassword(id, givenPassword, null);
    }

    /**
     * As {@link #resetPassword(UUID, String)}, refused as stale when the caller names a
     * version that is not the account's current one (or the account changes meanwhile).
     */
    @Transactional
    String resetPassword(UUID id, @Nullable String givenPassword, @Nullable Integer expectedVersion) {
        CurrentUser admin = admin();
        AccountView account = find(admin.municipalityId(), id).orElseThrow(NotFoundException::new);
        if (expectedVersion != null && expectedVersion != account.version()) {
            throw new StaleVersionException();
        }
        String password = givenPassword == null ? oneTimePasswordFor(account.username()) : givenPassword;
        checkPassword(account.username(), password, "password");
        int rows = jdbc.sql("""
                update app_user set password_hash = :hash, password_change_required = true, version = version + 1
                where municipality_id = :m and id = :id and version = :version""")
            .param("hash", passwords.encode(password))
            .param("m", admin.municipalityId())
            .param("id", id)
            .param("version", account.version())
            .update();
        if (rows == 0) {
            throw new StaleVersionException();
        }
        sessions.end(account.username(), null);
        log.info("Password of {} reset by {}", account.username(), admin.username());
        publish(admin, AccountEvent.Kind.PASSWORD_RESET, account.username(), "one-time password");
        return password;
    }

    /**
     * The logged-in user changes their own password, proving the current one and typing
     * the new one twice alike.
     */
    @Transactional
    void changeOwnPassword(String currentPassword, String newPassword, String repeatedPassword,
            @Nullable String ownSessionId) {
        if (!newPassword.equals(repeatedPassword)) {
            throw new InvalidInputException("repeatPassword", "account.password.mismatch");
        }
        CurrentUser user = CurrentUser.current().orElseThrow(NotFoundException::new);
        String hash = jdbc.sql("select password_hash from app_user where id = :id")
            .param("id", user.id())
            .query(String.class)
            .single();
        if (!passwords.matches(currentPassword, hash)) {
            throw new InvalidInputException("currentPassword", "account.password.currentWrong");
        }
        checkPassword(user.username(), newPassword, "newPassword");
        if (passwords.matches(newPassword, hash)) {
            throw new InvalidInputException("newPassword", "account.password.same");
        }
        storePassword(user.municipalityId(), user.id(), newPassword, false);
        sessions.end(user.username(), ownSessionId);
        log.info("{} changed their own password", user.username());
    }

    private void storePassword(UUID municipalityId, UUID id, String password, boolean oneTime) {
        jdbc.sql("""
                update app_user set password_hash = :hash, password_change_required = :oneTime, version = version + 1
                where municipality_id = :m and id = :id""")
            .param("hash", passwords.encode(password))
            .param("oneTime", oneTime)
            .param("m", municipalityId)
            .param("id", id)
            .update();
    }

    /** 16 characters of 55 (about 92 bits): typed once, then changed. */
    static String oneTimePassword() {
        StringBuilder password = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            password.append(ONE_TIME_ALPHABET[RANDOM.nextInt(ONE_TIME_ALPHABET.length)]);
        }
        String generated = password.toString();
        String lower = generated.toLowerCase(Locale.ROOT);
        // the rare draw that the guessability rule would refuse is drawn again
        return lower.contains("demo") || lower.contains("meedoen") ? oneTimePassword() : generated;
    }

    /** A one-time password the password rules accept for this account. */
    private static String oneTimePasswordFor(String username) {
        while (true) {
            String password = oneTimePassword();
            if (username.length() < 2 || !password.toLowerCase(Locale.ROOT).contains(username)) {
                return password;
            }
        }
    }

    private void publish(CurrentUser admin, AccountEvent.Kind kind, String account, String detail) {
        events.publishEvent(
                new AccountEvent(kind, admin.municipalityId(), account, admin.username(), admin.role().name(), detail));
    }

    private static String teamText(@Nullable UUID teamId) {
        return teamId == null ? "" : ", team " + teamId;
    }

    /**
     * A resident's account is made by the activation letter (portal), linked to the
     * person's file: an administrator neither creates one nor gives the role.
     */
    private static void refuseResident(Role role) {
        if (role == Role.RESIDENT) {
            throw new InvalidInputException("role", "account.role.resident");
        }
    }

    public static void checkPassword(String username, String password, String field) {
        if (password == null || password.length() < MINIMUM_PASSWORD_LENGTH) {
            throw new InvalidInputException(field, "account.password.tooShort");
        }
        if (password.length() > 128) {
            throw new InvalidInputException(field, "account.password.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.contains("demo") || lower.contains(username.toLowerCase(Locale.ROOT)) || lower.contains("meedoen")
                || lower.chars().distinct().count() < 5) {
            throw new InvalidInputException(field, "account.password.guessable");
        }
    }

    /**
     * A partner user belongs to exactly one partner organisation of the municipality;
     * every other role to none (a former partner user loses the link when the role
     * changes).
     */
    private @Nullable UUID partnerOf(Role role, @Nullable UUID partnerId) {
        if (role != Role.PARTNER) {
            return null;
        }
        if (partnerId == null) {
            throw new InvalidInputException("partnerId", "account.partner.required");
        }
        if (partnerOrganisations().stream().noneMatch(o -> o.id().equals(partnerId))) {
            throw new InvalidInputException("partnerId", "account.partner.unknown");
        }
        return partnerId;
    }

    private void checkTeam(UUID municipalityId, @Nullable UUID teamId) {
        if (teamId == null) {
            return;
        }
        boolean exists = jdbc.sql("select exists (select 1 from team where municipality_id = :m and id = :id)")
            .param("m", municipalityId)
            .param("id", teamId)
            .query(Boolean.class)
            .single();
        if (!exists) {
            throw new InvalidInputException("teamId", "account.team.unknown");
        }
    }

    private Optional<AccountView> find(UUID municipalityId, UUID id) {
        return jdbc.sql(SELECT + " where u.municipality_id = :m and u.id = :id")
            .param("m", municipalityId)
            .param("id", id)
            .query(AccountAdministration::view)
            .optional();
    }

    private static CurrentUser admin() {
        return CurrentUser.current().orElseThrow(NotFoundException::new);
    }

    public static String normaliseUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.role, u.team_id, t.name as team_name, u.partner_id, u.enabled,
                u.version, w.requested_role as waiting_role
            from app_user u left join team t on t.id = u.team_id
                left join account_approval w on w.account_id = u.id and w.outcome is null""";

    private static AccountView view(ResultSet rs, int row) throws SQLException {
        return new AccountView(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getObject("team_id", UUID.class), rs.getString("team_name"),
                rs.getObject("partner_id", UUID.class), rs.getBoolean("enabled"), rs.getInt("version"),
                rs.getString("waiting_role") == null ? null : Role.valueOf(rs.getString("waiting_role")));
    }

}
