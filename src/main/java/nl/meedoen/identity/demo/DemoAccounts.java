package nl.meedoen.identity.demo;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo setup on an empty database: Sliedrecht and Dordrecht, a caseworker team each,
 * and one account per role with the password {@code demo}. Runs once: a database that has
 * municipalities is left alone.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "meedoen.demo", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    /**
     * The partner organisation of the demo account {@code partner}: the language school
     * in Sliedrecht.
     */
    static final UUID DEMO_LANGUAGE_SCHOOL = UUID.fromString("4f1c8a52-6f0e-4b9a-9a51-2d7c3e0b1a01");

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private record Account(String username, String displayName, String role, String municipalityCode, boolean inTeam,
            UUID partnerId) {
    }

    private static final List<Account> ACCOUNTS = List.of(
            new Account("begeleider", "Sanne de Vries", "CASEWORKER", "0610", true, null),
            new Account("teamleider", "Mark Verbeek", "TEAM_LEAD", "0610", true, null),
            new Account("beleid", "Fatma Yıldız", "POLICY_OFFICER", "0610", false, null),
            new Account("partner", "Joris van Dam (Taalschool De Brug)", "PARTNER", "0610", false,
                    DEMO_LANGUAGE_SCHOOL),
            new Account("privacy", "Ingrid Bakker", "PRIVACY_OFFICER", "0610", false, null),
            new Account("beheerder", "Pieter Smit", "ADMIN", "0610", false, null),
            new Account("coordinator", "Lotte Jansen", "VOLUNTEER_COORDINATOR", "0610", false, null),
            new Account("begeleider.dordrecht", "Noor El Amrani", "CASEWORKER", "0505", true, null));

    private final JdbcClient jdbc;

    private final PasswordEncoder passwords;

    DemoAccounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        long municipalities = jdbc.sql("select count(*) from municipality").query(Long.class).single();
        if (municipalities > 0) {
            return;
        }
        log.info("Empty database in the demo setup: creating demo municipalities and accounts (password 'demo')");
        UUID sliedrecht = municipality("0610", "Sliedrecht");
        UUID dordrecht = municipality("0505", "Dordrecht");
        UUID sliedrechtTeam = team(sliedrecht, "Team Statushouders en Inburgering");
        UUID dordrechtTeam = team(dordrecht, "Team Inburgering Dordrecht");
        String hash = passwords.encode("demo");
        for (Account account : ACCOUNTS) {
            boolean inSliedrecht = account.municipalityCode().equals("0610");
            jdbc.sql("""
                    insert into app_user (id, municipality_id, team_id, username, display_name, password_hash, role,
                                          partner_id)
                    values (:id, :m, :team, :username, :name, :hash, :role, :partner)""")
                .param("id", UUID.randomUUID())
                .param("m", inSliedrecht ? sliedrecht : dordrecht)
                .param("team", account.inTeam() ? (inSliedrecht ? sliedrechtTeam : dordrechtTeam) : null)
                .param("username", account.username())
                .param("name", account.displayName())
                .param("hash", hash)
                .param("role", account.role())
                .param("partner", account.partnerId())
                .update();
        }
    }

    private UUID municipality(String code, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into municipality (id, code, name) values (:id, :code, :name)")
            .param("id", id)
            .param("code", code)
            .param("name", name)
            .update();
        return id;
    }

    private UUID team(UUID municipality, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into team (id, municipality_id, name) values (:id, :m, :name)")
            .param("id", id)
            .param("m", municipality)
            .param("name", name)
            .update();
        return id;
    }

}
