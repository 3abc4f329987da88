package nl.meedoen.identity.accounts;

import java.util.UUID;

import nl.meedoen.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A production installation starts with no accounts. When it is given a municipality and
 * a password for the first functional administrator
 * ({@code MEEDOEN_BOOTSTRAP_MUNICIPALITY_CODE}, {@code _NAME} and
 * {@code MEEDOEN_BOOTSTRAP_ADMIN_PASSWORD}), it creates that municipality, a caseworker
 * team and the account {@code beheerder}, who then creates everyone else. Nothing happens
 * once any account exists.
 */
@Component
@Order(5)
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final JdbcClient jdbc;

    private final PasswordEncoder passwords;

    private final @Nullable String code;

    private final @Nullable String name;

    private final @Nullable String password;

    FirstAdministrator(JdbcClient jdbc, PasswordEncoder passwords,
            @Value("${meedoen.bootstrap.municipality-code:}") @Nullable String code,
            @Value("${meedoen.bootstrap.municipality-name:}") @Nullable String name,
            @Value("${meedoen.bootstrap.admin-password:}") @Nullable String password) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.code = code;
        this.name = name;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (code == null || code.isBlank() || password == null || password.isBlank()) {
            return;
        }
        long accounts = jdbc.sql("select count(*) from app_user").query(Long.class).single();
        if (accounts > 0) {
            return;
        }
        if (!code.matches("\\d{4}")) {
            throw new IllegalStateException("meedoen.bootstrap.municipality-code must be a 4-digit CBS code");
        }
        try {
            AccountAdministration.checkPassword("beheerder", password, "password");
        }
        catch (InvalidInputException ex) {
            throw new IllegalStateException("MEEDOEN_BOOTSTRAP_ADMIN_PASSWORD is too weak: it needs at least "
                    + AccountAdministration.MINIMUM_PASSWORD_LENGTH + " characters and may not contain 'demo', "
                    + "'meedoen' or the user name 'beheerder'.");
        }
        UUID municipality = jdbc.sql("select id from municipality where code = :code")
            .param("code", code)
            .query(UUID.class)
            .optional()
            .orElseGet(() -> {
                UUID id = UUID.randomUUID();
                jdbc.sql("insert into municipality (id, code, name) values (:id, :code, :name)")
                    .param("id", id)
                    .param("code", code)
                    .param("name", name == null || name.isBlank() ? "Gemeente " + code : name.strip())
                    .update();
                jdbc.sql("insert into team (id, municipality_id, name) values (:id, :m, 'Team Inburgering')")
                    .param("id", UUID.randomUUID())
                    .param("m", id)
                    .update();
                return id;
            });
        jdbc.sql("""
                insert into app_user (id, municipality_id, username, display_name, password_hash, role)
                values (:id, :m, 'beheerder', 'Functioneel beheerder', :hash, 'ADMIN')""")
            .param("id", UUID.randomUUID())
            .param("m", municipality)
            .param("hash", passwords.encode(password))
            .update();
        log.info("Created the first functional administrator 'beheerder' for municipality {}", code);
    }

}
