package nl.meedoen.identity.accounts;

import java.util.UUID;

import nl.meedoen.identity.Role;
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

    private final Installation installation;

    private final PasswordEncoder passwords;

    private final @Nullable String code;

    private final @Nullable String name;

    private final @Nullable String password;

    FirstAdministrator(JdbcClient jdbc, Installation installation, PasswordEncoder passwords,
            @Value("${meedoen.bootstrap.municipality-code:}") @Nullable String code,
            @Value("${meedoen.bootstrap.municipality-name:}") @Nullable String name,
            @Value("${meedoen.bootstrap.admin-password:}") @Nullable String password) {
        this.jdbc = jdbc;
        this.installation = installation;
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
        if (!installation.withoutAccounts()) {
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
                UUID id = installation.createMunicipality(code,
                        name == null || name.isBlank() ? "Gemeente " + code : name.strip());
                installation.createTeam(id, "Team Inburgering");
                return id;
            });
        installation.createAccount(municipality, null, "beheerder", "Functioneel beheerder", Role.ADMIN, null,
                passwords.encode(password));
        log.info("Created the first functional administrator 'beheerder' for municipality {}", code);
    }

}
