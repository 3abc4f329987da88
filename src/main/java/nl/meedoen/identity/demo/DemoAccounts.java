package nl.meedoen.identity.demo;

import java.util.List;
import java.util.UUID;

import nl.meedoen.identity.DemoData;
import nl.meedoen.identity.Role;
import nl.meedoen.identity.accounts.Installation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo setup on an empty database: Sliedrecht and Dordrecht, a caseworker team each
 * (Sliedrecht a second one, {@link DemoData#EAST_TEAM}, with {@code begeleider.oost}),
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

    private record Account(String username, String displayName, Role role, String municipalityCode, boolean inTeam,
            @Nullable UUID partnerId) {
    }

    private static final List<Account> ACCOUNTS = List.of(
            new Account("begeleider", "Sanne de Vries", Role.CASEWORKER, "0610", true, null),
            new Account("teamleider", "Mark Verbeek", Role.TEAM_LEAD, "0610", true, null),
            new Account("beleid", "Fatma Yıldız", Role.POLICY_OFFICER, "0610", false, null),
            new Account("partner", "Joris van Dam (Taalschool De Brug)", Role.PARTNER, "0610", false,
                    DEMO_LANGUAGE_SCHOOL),
            new Account("privacy", "Ingrid Bakker", Role.PRIVACY_OFFICER, "0610", false, null),
            new Account("beheerder", "Pieter Smit", Role.ADMIN, "0610", false, null),
            new Account("coordinator", "Lotte Jansen", Role.VOLUNTEER_COORDINATOR, "0610", false, null),
            new Account("begeleider.dordrecht", "Noor El Amrani", Role.CASEWORKER, "0505", true, null),
            new Account("begeleider.oost", "Daan Kuipers", Role.CASEWORKER, "0610", true, null));

    private final Installation installation;

    private final PasswordEncoder passwords;

    DemoAccounts(Installation installation, PasswordEncoder passwords) {
        this.installation = installation;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!installation.withoutMunicipalities()) {
            return;
        }
        log.info("Empty database in the demo setup: creating demo municipalities and accounts (password 'demo')");
        UUID sliedrecht = installation.createMunicipality("0610", "Sliedrecht");
        UUID dordrecht = installation.createMunicipality("0505", "Dordrecht");
        UUID sliedrechtTeam = installation.createTeam(sliedrecht, "Team Statushouders en Inburgering");
        UUID dordrechtTeam = installation.createTeam(dordrecht, "Team Inburgering Dordrecht");
        UUID eastTeam = installation.createTeam(sliedrecht, DemoData.EAST_TEAM);
        String hash = passwords.encode("demo");
        for (Account account : ACCOUNTS) {
            boolean inSliedrecht = account.municipalityCode().equals("0610");
            installation.createAccount(inSliedrecht ? sliedrecht : dordrecht,
                    account.inTeam() ? (account.username().endsWith(".oost") ? eastTeam
                            : inSliedrecht ? sliedrechtTeam : dordrechtTeam) : null,
                    account.username(), account.displayName(), account.role(), account.partnerId(), hash);
        }
    }

}
