package nl.meedoen.identity.accounts;

import java.util.UUID;

import nl.meedoen.identity.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an installation starts with, before anyone can log in: municipalities, their teams
 * and the first accounts, for the first administrator and for the demo setup.
 */
@Component
public class Installation {

    private final JdbcClient jdbc;

    Installation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the installation has no municipality yet. */
    public boolean withoutMunicipalities() {
        return jdbc.sql("select count(*) from municipality").query(Long.class).single() == 0;
    }

    /** Whether the installation has no account yet. */
    public boolean withoutAccounts() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single() == 0;
    }

    public UUID createMunicipality(String code, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into municipality (id, code, name) values (:id, :code, :name)")
            .param("id", id)
            .param("code", code)
            .param("name", name)
            .update();
        return id;
    }

    public UUID createTeam(UUID municipality, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into team (id, municipality_id, name) values (:id, :m, :name)")
            .param("id", id)
            .param("m", municipality)
            .param("name", name)
            .update();
        return id;
    }

    /** An account with a password hash made by the caller, who may share one hash. */
    public void createAccount(UUID municipality, @Nullable UUID team, String username, String displayName, Role role,
            @Nullable UUID partnerId, String passwordHash) {
        jdbc.sql("""
                insert into app_user (id, municipality_id, team_id, username, display_name, password_hash, role,
                                      partner_id)
                values (:id, :m, :team, :username, :name, :hash, :role, :partner)""")
            .param("id", UUID.randomUUID())
            .param("m", municipality)
            .param("team", team)
            .param("username", username)
            .param("name", displayName)
            .param("hash", passwordHash)
            .param("role", role.name())
            .param("partner", partnerId)
            .update();
    }

}
