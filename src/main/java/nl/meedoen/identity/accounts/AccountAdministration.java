package nl.meedoen.identity.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Functional administration of the accounts of one municipality, and every user's own
 * password. Passwords are at least 12 characters, never the demo password and never the
 * user name.
 */
@Service
class AccountAdministration {

    static final int MINIMUM_PASSWORD_LENGTH = 12;

    private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);

    record AccountView(UUID id, String username, String displayName, Role role, @Nullable UUID teamId,
            @Nullable String teamName, @Nullable UUID partnerId, boolean enabled, int version) {
    }

    record Team(UUID id, String name) {
    }

    private final JdbcClient jdbc;

    private final PasswordEncoder passwords;

    private final ObjectProvider<PartnerOrganisations> partnerOrganisations;

    private final AccountSessions sessions;

    AccountAdministration(JdbcClient jdbc, PasswordEncoder passwords,
            ObjectProvider<PartnerOrganisations> partnerOrganisations, AccountSessions sessions) {
        this.partnerOrganisations = partnerOrganisations;
        this.sessions = sessions;
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

    @Transactional
    UUID create(String username, String displayName, Role role, @Nullable UUID teamId, @Nullable UUID partnerId,
            String password) {
        CurrentUser admin = admin();
        String name = normaliseUsername(username);
        if (!name.matches("[a-z0-9][a-z0-9._-]{1,59}")) {
            throw new InvalidInputException("username", "account.username.invalid");
        }
        if (displayName.isBlank() || displayName.length() > 120) {
            throw new InvalidInputException("displayName", "account.displayName.required");
        }
        checkPassword(name, password, "password");
        checkTeam(admin.municipalityId(), teamId);
        UUID partner = partnerOf(role, partnerId);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into app_user (id, municipality_id, team_id, username, display_name, password_hash, role,
                        partner_id)
                    values (:id, :m, :team, :username, :name, :hash, :role, :partner)""")
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
        return id;
    }

    @Transactional
    void change(UUID id, int expectedVersion, String displayName, Role role, @Nullable UUID teamId,
            @Nullable UUID partnerId, boolean enabled) {
        CurrentUser admin = admin();
        AccountView current = find(admin.municipalityId(), id).orElseThrow(NotFoundException::new);
        if (displayName.isBlank() || displayName.length() > 120) {
            throw new InvalidInputException("displayName", "account.displayName.required");
        }
        if (current.id().equals(admin.id()) && (!enabled || role != Role.ADMIN)) {
            throw new ConflictException("account.self.lockout");
        }
        checkTeam(admin.municipalityId(), teamId);
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
    }

    @Transactional
    void resetPassword(UUID id, String password) {
        CurrentUser admin = admin();
        AccountView account = find(admin.municipalityId(), id).orElseThrow(NotFoundException::new);
        checkPassword(account.username(), password, "password");
        storePassword(admin.municipalityId(), id, password);
        sessions.end(account.username(), null);
        log.info("Password of {} reset by {}", account.username(), admin.username());
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
        storePassword(user.municipalityId(), user.id(), newPassword);
        sessions.end(user.username(), ownSessionId);
        log.info("{} changed their own password", user.username());
    }

    private void storePassword(UUID municipalityId, UUID id, String password) {
        jdbc.sql("""
                update app_user set password_hash = :hash, version = version + 1
                where municipality_id = :m and id = :id""")
            .param("hash", passwords.encode(password))
            .param("m", municipalityId)
            .param("id", id)
            .update();
    }

    static void checkPassword(String username, String password, String field) {
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

    static String normaliseUsername(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static final String SELECT = """
            select u.id, u.username, u.display_name, u.role, u.team_id, t.name as team_name, u.partner_id, u.enabled,
                u.version
            from app_user u left join team t on t.id = u.team_id""";

    private static AccountView view(ResultSet rs, int row) throws SQLException {
        return new AccountView(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getObject("team_id", UUID.class), rs.getString("team_name"),
                rs.getObject("partner_id", UUID.class), rs.getBoolean("enabled"), rs.getInt("version"));
    }

}
