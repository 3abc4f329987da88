package nl.meedoen.identity.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.identity.AccountEvent;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.identity.Municipality;
import nl.meedoen.identity.OidcAccount;
import nl.meedoen.identity.ResidentSignOn;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.Tenancy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The accounts of single sign-on. On a login through the provider the account is found by
 * the provider and its subject, or else by its name in the municipality the token names
 * (a local account is then linked), or else provisioned; its role and team follow the
 * token at every login, and a change ends its other sessions and its tokens. A token
 * without a known municipality or without a recognised role is refused: no account is
 * made, the login page says why. Every login and refusal is a security event in the
 * municipality's processing log (a refusal for an unknown municipality has no log to go
 * to and is written to the application log).
 */
@Component
class SsoAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** Why a login through the provider was refused; the login page words each. */
    enum Refusal {

        MUNICIPALITY, ROLE, DISABLED, USERNAME;

        String code() {
            return "sso_" + name().toLowerCase(Locale.ROOT);
        }

    }

    private static final Logger log = LoggerFactory.getLogger(SsoAccounts.class);

    private final OidcUserService provider = new OidcUserService();

    private final SingleSignOn.Settings settings;

    private final Municipalities municipalities;

    private final JdbcClient jdbc;

    private final TransactionTemplate transactions;

    private final PasswordEncoder passwords;

    private final AccountSessions sessions;

    private final UserDetailsService accounts;

    private final ApplicationEventPublisher events;

    private final ObjectProvider<ResidentSignOn> residents;

    SsoAccounts(SingleSignOn.Settings settings, Municipalities municipalities, JdbcClient jdbc,
            TransactionTemplate transactions, PasswordEncoder passwords, AccountSessions sessions,
            UserDetailsService accounts, ApplicationEventPublisher events, ObjectProvider<ResidentSignOn> residents) {
        this.residents = residents;
        this.settings = settings;
        this.municipalities = municipalities;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.passwords = passwords;
        this.sessions = sessions;
        this.accounts = accounts;
        this.events = events;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        if (ResidentSignOn.REGISTRATION.equals(request.getClientRegistration().getRegistrationId())) {
            return resident(user);
        }
        String issuer = String.valueOf(request.getClientRegistration().getProviderDetails().getIssuerUri());
        String subject = user.getSubject();
        String username = usernameOf(user);
        String code = text(user.getClaims().get(settings.municipality()));
        Optional<Municipality> municipality = code == null ? Optional.empty() : municipalities.byCode(code.strip());
        if (municipality.isEmpty()) {
            log.warn("Single sign-on refused for {} ({}): municipality {} unknown", username, subject, code);
            throw refused(Refusal.MUNICIPALITY);
        }
        UUID m = municipality.get().id();
        Optional<Role> role = roleOf(user.getClaims().get(settings.role()));
        if (role.isEmpty()) {
            publish(AccountEvent.Kind.SSO_REFUSED, m, username, null, null,
                    "no recognised role in claim " + settings.role() + ": " + user.getClaims().get(settings.role()));
            throw refused(Refusal.ROLE);
        }
        String team = text(user.getClaims().get(settings.team()));
        String displayName = Objects.requireNonNullElse(text(user.getClaims().get(settings.displayName())), username);
        String name;
        try {
            name = Tenancy.runAs(m, () -> transactions
                .execute(tx -> provision(issuer, subject, username, displayName, m, role.get(), team)));
        }
        catch (Refused refusal) {
            // logged after the provisioning's transaction rolled back, so the entry stays
            refusal.municipalities.forEach(
                    in -> publish(AccountEvent.Kind.SSO_REFUSED, in, refusal.username, null, null, refusal.detail));
            throw refused(refusal.reason);
        }
        return new OidcAccount(accounts.loadUserByUsername(Objects.requireNonNull(name)), user.getIdToken(),
                user.getUserInfo());
    }

    /**
     * A login through the DigiD broker: the portal names the resident's account of the
     * one open file the token identifies; this client only ever logs in a resident,
     * whatever the token claims besides.
     */
    private OidcUser resident(OidcUser verified) {
        ResidentSignOn digid = residents.getIfAvailable();
        if (digid == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error("digid_failed"), "digid_failed");
        }
        String username = digid.accountOf(verified);
        UserDetails account = accounts.loadUserByUsername(username);
        boolean residentOnly = account.getAuthorities()
            .stream()
            .allMatch(a -> Role.RESIDENT.authority().equals(a.getAuthority()));
        UUID m = jdbc.sql("select municipality_id from app_user where username = :u and role = 'RESIDENT'")
            .param("u", username)
            .query(UUID.class)
            .optional()
            .orElse(null);
        if (m == null || !residentOnly || account.getAuthorities().isEmpty()) {
            log.warn("DigiD login refused: the matched account is not a resident's");
            throw new OAuth2AuthenticationException(new OAuth2Error("digid_failed"), "digid_failed");
        }
        if (!account.isEnabled()) {
            publish(AccountEvent.Kind.SSO_REFUSED, m, username, null, null, "DigiD: account disabled");
            throw new OAuth2AuthenticationException(new OAuth2Error("digid_disabled"), "digid_disabled");
        }
        publish(AccountEvent.Kind.SSO_LOGIN, m, username, username, Role.RESIDENT.name(), "DigiD: role RESIDENT");
        return new OidcAccount(account, verified.getIdToken(), verified.getUserInfo());
    }

    /** A refusal found inside the provisioning's transaction. */
    private static final class Refused extends RuntimeException {

        final Refusal reason;

        final String username;

        final String detail;

        final List<UUID> municipalities;

        Refused(Refusal reason, String username, String detail, List<UUID> municipalities) {
            super(reason.code(), null, false, false);
            this.reason = reason;
            this.username = username;
            this.detail = detail;
            this.municipalities = municipalities;
        }

    }

    private record Linked(UUID id, String username, UUID municipalityId, Role role, @Nullable UUID teamId,
            boolean enabled, @Nullable String subject) {
    }

    /** The account's name, provisioned or brought up to date with the token. */
    private String provision(String issuer, String subject, String username, String displayName, UUID m, Role role,
            @Nullable String teamClaim) {
        @Nullable UUID teamId = teamOf(m, teamClaim);
        Optional<Linked> existing = linked("sso_issuer = :issuer and sso_subject = :subject", issuer, subject, username)
            .or(() -> linked("username = :username", issuer, subject, username));
        if (existing.isEmpty()) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into app_user (id, municipality_id, team_id, username, display_name, password_hash, role,
                        sso_issuer, sso_subject)
                    values (:id, :m, :team, :username, :name, :hash, :role, :issuer, :subject)""")
                .param("id", id)
                .param("m", m)
                .param("team", teamId)
                .param("username", username)
                .param("name", displayName)
                .param("hash",
                        passwords
                            .encode(AccountAdministration.oneTimePassword() + AccountAdministration.oneTimePassword()))
                .param("role", role.name())
                .param("issuer", issuer)
                .param("subject", subject)
                .update();
            publish(AccountEvent.Kind.SSO_LOGIN, m, username, username, role.name(),
                    "provisioned: role " + role + teamText(teamId, teamClaim));
            return username;
        }
        Linked account = existing.get();
        if (!account.municipalityId().equals(m) || (account.subject() != null && !account.subject().equals(subject))) {
            throw new Refused(Refusal.USERNAME, account.username(),
                    "the account name belongs to another municipality or identity",
                    List.copyOf(new LinkedHashSet<>(List.of(m, account.municipalityId()))));
        }
        if (!account.enabled()) {
            throw new Refused(Refusal.DISABLED, account.username(), "account disabled", List.of(m));
        }
        boolean changed = account.role() != role || !Objects.equals(account.teamId(), teamId);
        jdbc.sql("""
                update app_user set role = :role, team_id = :team, display_name = :name, sso_issuer = :issuer,
                    sso_subject = :subject, partner_id = case when :role = 'PARTNER' then partner_id end,
                    version = version + case when :changed then 1 else 0 end
                where id = :id""")
            .param("role", role.name())
            .param("team", teamId)
            .param("name", displayName)
            .param("issuer", issuer)
            .param("subject", subject)
            .param("changed", changed)
            .param("id", account.id())
            .update();
        if (changed) {
            sessions.end(account.username(), null);
        }
        String detail = changed ? "role " + account.role() + " -> " + role + ", team " + account.teamId() + " -> "
                + teamId + teamText(null, teamClaim) : "role " + role;
        publish(AccountEvent.Kind.SSO_LOGIN, m, account.username(), account.username(), role.name(),
                account.subject() == null ? "linked to the identity provider; " + detail : detail);
        return account.username();
    }

    private Optional<Linked> linked(String where, String issuer, String subject, String username) {
        return jdbc
            .sql("select id, username, municipality_id, role, team_id, enabled, sso_subject from app_user where "
                    + where)
            .param("issuer", issuer)
            .param("subject", subject)
            .param("username", username)
            .query((rs, i) -> new Linked(rs.getObject("id", UUID.class), rs.getString("username"),
                    rs.getObject("municipality_id", UUID.class), Role.valueOf(rs.getString("role")),
                    rs.getObject("team_id", UUID.class), rs.getBoolean("enabled"), rs.getString("sso_subject")))
            .optional();
    }

    /**
     * The team the claim names, by name or id, in the municipality; none when unknown.
     */
    private @Nullable UUID teamOf(UUID m, @Nullable String claim) {
        if (claim == null || claim.isBlank()) {
            return null;
        }
        return jdbc.sql("select id from team where municipality_id = :m and (lower(name) = lower(:t) or id::text = :t)")
            .param("m", m)
            .param("t", claim.strip())
            .query(UUID.class)
            .optional()
            .orElse(null);
    }

    /** The first value of the claim that means a role of Meedoen. */
    Optional<Role> roleOf(@Nullable Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> many) {
            many.forEach(v -> values.add(String.valueOf(v)));
        }
        else if (claim != null) {
            values.addAll(List.of(String.valueOf(claim).split("[,\\s]+")));
        }
        Map<String, Role> mapping = settings.roleMapping();
        for (String value : values) {
            if (!mapping.isEmpty()) {
                Role mapped = mapping.get(value);
                if (mapped != null && mapped != Role.RESIDENT) {
                    return Optional.of(mapped);
                }
                continue;
            }
            for (Role role : Role.values()) {
                // staff single sign-on never provisions a resident (DigiD has its own
                // client)
                if (role != Role.RESIDENT && role.name().equalsIgnoreCase(value.strip())) {
                    return Optional.of(role);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The account name from the token; one that is not a valid Meedoen name becomes
     * {@code sso-} and a hash of the subject.
     */
    private String usernameOf(OidcUser user) {
        String claimed = text(user.getClaims().get(settings.username()));
        String name = AccountAdministration.normaliseUsername(claimed == null ? user.getSubject() : claimed);
        if (name.matches("[a-z0-9][a-z0-9._-]{1,59}")) {
            return name;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest(user.getSubject().getBytes(StandardCharsets.UTF_8));
            return "sso-" + HexFormat.of().formatHex(hash, 0, 12);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private void publish(AccountEvent.Kind kind, UUID m, String username, @Nullable String actor,
            @Nullable String actorRole, String detail) {
        events.publishEvent(new AccountEvent(kind, m, username, actor, actorRole, detail));
    }

    private static OAuth2AuthenticationException refused(Refusal reason) {
        return new OAuth2AuthenticationException(new OAuth2Error(reason.code()), reason.code());
    }

    private static String teamText(@Nullable UUID teamId, @Nullable String claim) {
        if (teamId != null) {
            return ", team " + teamId;
        }
        return claim == null ? "" : ", team " + claim + " unknown";
    }

    private static @Nullable String text(@Nullable Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.isEmpty() ? null : String.valueOf(many.iterator().next());
        }
        return claim == null ? null : String.valueOf(claim);
    }

}
