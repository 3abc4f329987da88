package nl.meedoen.identity.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.meedoen.identity.ResidentSignOn;
import nl.meedoen.identity.Role;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/**
 * Single sign-on with the municipality's OpenID Connect provider, on only when an issuer
 * is configured ({@code meedoen.security.oidc.issuer}). The provider is found by
 * discovery ({@code /.well-known/openid-configuration} of the issuer) at startup; the
 * client is registered there with the redirect address
 * {@code https://<meedoen>/login/oauth2/code/sso} and, for logging out at the provider
 * too, {@code https://<meedoen>/inloggen?uitgelogd}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SingleSignOn.Settings.class)
class SingleSignOn {

    /** The registration id in Meedoen's addresses ({@code /oauth2/authorization/sso}). */
    static final String REGISTRATION = "sso";

    /**
     * The provider and the claims of its ID token (or user info) that carry what Meedoen
     * needs.
     *
     * @param issuer the provider's issuer address; empty: single sign-on off
     * @param clientId the client id Meedoen is registered with
     * @param clientSecret its secret
     * @param name the provider's name on the login page ("Inloggen met …")
     * @param usernameClaim the claim with the account name (else the subject)
     * @param displayNameClaim the claim with the person's name
     * @param roleClaim the claim with the role or roles (text or list)
     * @param municipalityClaim the claim with the municipality's CBS code
     * @param teamClaim the claim with the team (its name or id)
     * @param roles the provider's role values and the roles they mean; empty: the role
     * names themselves ({@code CASEWORKER}, case-insensitive)
     * @param scopes the scopes asked for
     */
    @ConfigurationProperties("meedoen.security.oidc")
    record Settings(@Nullable String issuer, @Nullable String clientId, @Nullable String clientSecret,
            @Nullable String name, @Nullable String usernameClaim, @Nullable String displayNameClaim,
            @Nullable String roleClaim, @Nullable String municipalityClaim, @Nullable String teamClaim,
            @Nullable Map<String, Role> roles, @Nullable List<String> scopes) {

        String username() {
            return orDefault(usernameClaim, "preferred_username");
        }

        String displayName() {
            return orDefault(displayNameClaim, "name");
        }

        String role() {
            return orDefault(roleClaim, "roles");
        }

        String municipality() {
            return orDefault(municipalityClaim, "municipality");
        }

        String team() {
            return orDefault(teamClaim, "team");
        }

        Map<String, Role> roleMapping() {
            return roles == null ? Map.of() : roles;
        }

        private static String orDefault(@Nullable String value, String otherwise) {
            return value == null || value.isBlank() ? otherwise : value;
        }
    }

    /**
     * The registrations of the providers that are configured: the staff's single sign-on
     * ({@value #REGISTRATION}) and the resident's DigiD broker
     * ({@link ResidentSignOn#REGISTRATION}, contributed by the portal), each its own
     * client; there is no repository (and no OpenID Connect login at all) when neither
     * is.
     */
    @Bean
    @ConditionalOnExpression("!'${meedoen.security.oidc.issuer:}'.isBlank() or !'${meedoen.portal.digid.issuer:}'.isBlank()")
    ClientRegistrationRepository singleSignOnRegistration(Settings settings, ObjectProvider<ResidentSignOn> residents) {
        List<ClientRegistration> registrations = new ArrayList<>();
        if (settings.issuer() != null && !settings.issuer().isBlank()) {
            registrations.add(staff(settings));
        }
        ResidentSignOn digid = residents.getIfAvailable();
        if (digid != null) {
            registrations.add(digid.registration());
        }
        if (registrations.isEmpty()) {
            throw new IllegalStateException("meedoen.portal.digid.issuer is set but the DigiD login is not available");
        }
        return new InMemoryClientRegistrationRepository(registrations);
    }

    private static ClientRegistration staff(Settings settings) {
        if (settings.clientId() == null || settings.clientId().isBlank()) {
            throw new IllegalStateException("meedoen.security.oidc.client-id is required with an issuer");
        }
        List<String> scopes = settings.scopes() == null || settings.scopes().isEmpty() ? List.of("openid", "profile")
                : settings.scopes();
        return ClientRegistrations.fromIssuerLocation(settings.issuer())
            .registrationId(REGISTRATION)
            .clientId(settings.clientId())
            .clientSecret(settings.clientSecret() == null ? "" : settings.clientSecret())
            .clientName(settings.name() == null || settings.name().isBlank() ? "single sign-on" : settings.name())
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope(scopes)
            .build();
    }

}
