package nl.meedoen.portal.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.identity.Municipality;
import nl.meedoen.identity.ResidentLogins;
import nl.meedoen.identity.ResidentSignOn;
import nl.meedoen.platform.Tenancy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logging in to Mijn Meedoen with DigiD, through the municipality's OpenID Connect broker
 * ({@code meedoen.portal.digid.*}; off unless the issuer is set). The broker's verified
 * ID token carries the citizen service number (BSN) in a claim; it is matched to the open
 * person files (not ended) of the municipalities the broker serves, each looked up as
 * that municipality, so row-level security applies as to any of its work. Exactly one
 * file: the resident's account of that file, made and linked on the first login (with a
 * random password nobody knows; the activation letter can still give it one). No file or
 * several: refused, no account is made, and the BSN is written nowhere.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DigidSignOn.Settings.class)
class DigidSignOn {

    /**
     * The broker and the claim that carries the BSN.
     *
     * @param issuer the broker's issuer address; empty: DigiD off
     * @param clientId Meedoen's own client at the broker (not the staff's single sign-on
     * client)
     * @param clientSecret its secret
     * @param bsnClaim the claim with the BSN
     * @param municipalities the CBS codes of the municipalities whose residents log in
     * through this broker
     * @param scopes the scopes asked for
     */
    @ConfigurationProperties("meedoen.portal.digid")
    record Settings(@Nullable String issuer, @Nullable String clientId, @Nullable String clientSecret,
            @Nullable String bsnClaim, @Nullable List<String> municipalities, @Nullable List<String> scopes) {

        String bsn() {
            return bsnClaim == null || bsnClaim.isBlank() ? "bsn" : bsnClaim;
        }

    }

    @Bean
    @ConditionalOnProperty(prefix = "meedoen.portal.digid", name = "issuer")
    ResidentSignOn digidBroker(Settings settings, Municipalities municipalities, JdbcClient jdbc, ResidentFiles files,
            ResidentLogins logins, PasswordEncoder passwords, AuditLog audit, PlatformTransactionManager transactions) {
        return new Broker(settings, municipalities, jdbc, files, logins, passwords, audit,
                new TransactionTemplate(transactions));
    }

    static final class Broker implements ResidentSignOn {

        private static final Logger log = LoggerFactory.getLogger(DigidSignOn.class);

        private static final SecureRandom RANDOM = new SecureRandom();

        private final Settings settings;

        private final Municipalities municipalities;

        private final JdbcClient jdbc;

        private final ResidentFiles files;

        private final ResidentLogins logins;

        private final PasswordEncoder passwords;

        private final AuditLog audit;

        private final TransactionTemplate transactions;

        Broker(Settings settings, Municipalities municipalities, JdbcClient jdbc, ResidentFiles files,
                ResidentLogins logins, PasswordEncoder passwords, AuditLog audit, TransactionTemplate transactions) {
            if (settings.clientId() == null || settings.clientId().isBlank()) {
                throw new IllegalStateException("meedoen.portal.digid.client-id is required with an issuer");
            }
            if (settings.municipalities() == null || settings.municipalities().isEmpty()) {
                throw new IllegalStateException(
                        "meedoen.portal.digid.municipalities (the CBS codes the broker serves) is required");
            }
            this.settings = settings;
            this.municipalities = municipalities;
            this.jdbc = jdbc;
            this.files = files;
            this.logins = logins;
            this.passwords = passwords;
            this.audit = audit;
            this.transactions = transactions;
        }

        @Override
        public ClientRegistration registration() {
            List<String> scopes = settings.scopes() == null || settings.scopes().isEmpty() ? List.of("openid")
                    : settings.scopes();
            return ClientRegistrations.fromIssuerLocation(settings.issuer())
                .registrationId(REGISTRATION)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret() == null ? "" : settings.clientSecret())
                .clientName("DigiD")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(scopes)
                .build();
        }

        @Override
        public String accountOf(OidcUser verified) {
            String bsn = text(verified.getClaims().get(settings.bsn()));
            if (bsn == null || !bsn.strip().matches("\\d{8,9}")) {
                log.warn("DigiD login refused: no BSN in claim {}", settings.bsn());
                throw refused("digid_no_bsn");
            }
            String number = bsn.strip().length() == 8 ? "0" + bsn.strip() : bsn.strip();
            List<Match> matches = new ArrayList<>();
            for (UUID m : served()) {
                Tenancy.runAs(m,
                        () -> jdbc.sql("""
                                select id, given_names || ' ' || family_name from person
                                where municipality_id = :m and bsn = :bsn and ended_on is null""")
                            .param("m", m)
                            .param("bsn", number)
                            .query((rs, i) -> new Match(m, rs.getObject(1, UUID.class), rs.getString(2)))
                            .list()
                            .forEach(matches::add));
            }
            if (matches.isEmpty()) {
                log.warn("DigiD login refused: no open file for the identity");
                throw refused("digid_no_file");
            }
            if (matches.size() > 1) {
                log.warn("DigiD login refused: {} open files for the identity", matches.size());
                throw refused("digid_several_files");
            }
            Match match = matches.get(0);
            return Tenancy.runAs(match.municipality(), () -> transactions.execute(tx -> account(match)));
        }

        /** The municipalities the broker serves (a code Meedoen does not serve: none). */
        private List<UUID> served() {
            return java.util.Objects.requireNonNull(settings.municipalities())
                .stream()
                .flatMap(code -> municipalities.byCode(code.strip()).map(Municipality::id).stream())
                .toList();
        }

        /** The resident's account of the file, made and linked when there is none. */
        private String account(Match match) {
            return files.accountOf(match.person())
                .flatMap(account -> logins.usernameOf(match.municipality(), account))
                .orElseGet(() -> {
                    String username = ActivationLetters.newUsername();
                    byte[] secret = new byte[32];
                    RANDOM.nextBytes(secret);
                    UUID account = logins.createWithHash(match.municipality(), username, match.name(),
                            passwords.encode(Base64.getEncoder().encodeToString(secret)));
                    files.link(account, match.person());
                    return username;
                });
        }

        @Override
        public void loggedIn() {
            transactions.executeWithoutResult(tx -> audit.record(AuditAction.PORTAL_LOGIN, files.current()));
        }

        private record Match(UUID municipality, UUID person, String name) {
        }

        private static OAuth2AuthenticationException refused(String code) {
            return new OAuth2AuthenticationException(new OAuth2Error(code), code);
        }

        private static @Nullable String text(@Nullable Object claim) {
            if (claim instanceof Collection<?> many) {
                return many.isEmpty() ? null : String.valueOf(many.iterator().next());
            }
            return claim == null ? null : String.valueOf(claim);
        }

    }

}
