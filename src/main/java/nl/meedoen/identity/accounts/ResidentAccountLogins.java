package nl.meedoen.identity.accounts;

import java.util.UUID;

import nl.meedoen.identity.ResidentLogins;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.ConflictException;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The resident's account: created or given a new password by the activation letter. */
@Component
class ResidentAccountLogins implements ResidentLogins {

    private final JdbcClient jdbc;

    private final PasswordEncoder passwords;

    private final AccountSessions sessions;

    ResidentAccountLogins(JdbcClient jdbc, PasswordEncoder passwords, AccountSessions sessions) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    @Override
    @Transactional
    public UUID activate(UUID municipalityId, @Nullable UUID account, String username, String displayName,
            String password) {
        AccountAdministration.checkPassword(username, password, "password");
        String hash = passwords.encode(password);
        if (account != null) {
            int changed = jdbc.sql("""
                    update app_user set password_hash = :hash, password_change_required = false, enabled = true,
                        version = version + 1
                    where id = :id and municipality_id = :m and role = 'RESIDENT'""")
                .param("hash", hash)
                .param("id", account)
                .param("m", municipalityId)
                .update();
            if (changed == 1) {
                sessions.end(username, null);
                return account;
            }
        }
        return createWithHash(municipalityId, username, displayName, hash);
    }

    @Override
    public java.util.Optional<String> usernameOf(UUID municipalityId, UUID account) {
        return jdbc.sql("select username from app_user where id = :id and municipality_id = :m and role = 'RESIDENT'")
            .param("id", account)
            .param("m", municipalityId)
            .query(String.class)
            .optional();
    }

    @Override
    @Transactional
    public UUID createWithHash(UUID municipalityId, String username, String displayName, String passwordHash) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into app_user (id, municipality_id, username, display_name, password_hash, role)
                    values (:id, :m, :username, :name, :hash, :role)""")
                .param("id", id)
                .param("m", municipalityId)
                .param("username", AccountAdministration.normaliseUsername(username))
                .param("name", displayName)
                .param("hash", passwordHash)
                .param("role", Role.RESIDENT.name())
                .update();
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("account.username.taken");
        }
        return id;
    }

}
