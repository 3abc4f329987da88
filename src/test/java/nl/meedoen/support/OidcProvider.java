package nl.meedoen.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the tests: Spring Authorization Server in its own
 * small Spring context on a random port, with its login form, discovery, JWKs, the
 * authorization code flow, ID tokens that carry each user's claims and RP-initiated
 * logout. Meedoen is registered as a client once its address is known ({@link #allow}).
 */
public final class OidcProvider implements AutoCloseable {

    public static final String CLIENT_ID = "meedoen";

    public static final String CLIENT_SECRET = "geheim-van-de-test";

    /** Meedoen's second client, for the residents' DigiD login (its own registration). */
    public static final String DIGID_CLIENT_ID = "meedoen-digid";

    public static final String DIGID_CLIENT_SECRET = "geheim-van-de-digid-test";

    /** A user of the provider and the claims its ID token carries. */
    public record Account(String username, String password, Map<String, Object> claims) {
    }

    private final ConfigurableApplicationContext context;

    private OidcProvider(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static OidcProvider start(List<Account> accounts) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Server.class)
            .web(WebApplicationType.SERVLET)
            .properties("server.port=0", "spring.config.name=oidc-provider", "spring.main.banner-mode=off",
                    "logging.level.org.springframework.security=INFO")
            .initializers(c -> c.getBeanFactory().registerSingleton("providerAccounts", new Accounts(accounts)))
            .run();
        return new OidcProvider(context);
    }

    /** The issuer, as discovery and the ID tokens name it. */
    public String issuer() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /**
     * Registers Meedoen at its base address: the redirect after login and the return
     * address after logging out.
     */
    public void allow(String meedoenBaseUrl) {
        context.getBean(Clients.class).allow(meedoenBaseUrl);
    }

    @Override
    public void close() {
        context.close();
    }

    record Accounts(List<Account> all) {
    }

    /**
     * The registered clients, Meedoen's staff client and its residents' DigiD client, at
     * the address Meedoen runs on.
     */
    static final class Clients implements RegisteredClientRepository {

        private final AtomicReference<List<RegisteredClient>> clients = new AtomicReference<>(
                clients("http://127.0.0.1"));

        void allow(String baseUrl) {
            clients.set(clients(baseUrl));
        }

        private static List<RegisteredClient> clients(String baseUrl) {
            return List.of(
                    client("meedoen-client", CLIENT_ID, CLIENT_SECRET, baseUrl + "/login/oauth2/code/sso", baseUrl),
                    client("meedoen-digid-client", DIGID_CLIENT_ID, DIGID_CLIENT_SECRET,
                            baseUrl + "/login/oauth2/code/digid", baseUrl));
        }

        private static RegisteredClient client(String id, String clientId, String secret, String redirect,
                String baseUrl) {
            return RegisteredClient.withId(id)
                .clientId(clientId)
                .clientSecret("{noop}" + secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(redirect)
                .postLogoutRedirectUri(baseUrl + "/inloggen?uitgelogd")
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                .build();
        }

        @Override
        public void save(RegisteredClient registeredClient) {
            clients.updateAndGet(all -> all.stream()
                .map(c -> c.getId().equals(registeredClient.getId()) ? registeredClient : c)
                .toList());
        }

        @Override
        public RegisteredClient findById(String id) {
            return clients.get().stream().filter(c -> c.getId().equals(id)).findFirst().orElse(null);
        }

        @Override
        public RegisteredClient findByClientId(String clientId) {
            return clients.get().stream().filter(c -> c.getClientId().equals(clientId)).findFirst().orElse(null);
        }

    }

    /** Not a component of Meedoen's own scan: a test configuration, started only here. */
    @TestConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
            ErrorMvcAutoConfiguration.class, SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class, OAuth2AuthorizationServerAutoConfiguration.class,
            OAuth2AuthorizationServerJwtAutoConfiguration.class })
    static class Server {

        @Bean
        Clients registeredClients() {
            return new Clients();
        }

        @Bean
        UserDetailsService providerUsers(Accounts accounts) {
            return new InMemoryUserDetailsManager(accounts.all()
                .stream()
                .map(a -> User.withUsername(a.username()).password("{noop}" + a.password()).roles("USER").build())
                .toList());
        }

        /**
         * Each user's own claims in its ID token, as the municipality's provider adds
         * them.
         */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> claims(Accounts accounts) {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    accounts.all()
                        .stream()
                        .filter(a -> a.username().equals(context.getPrincipal().getName()))
                        .findFirst()
                        .ifPresent(a -> context.getClaims().claims(claims -> claims.putAll(a.claims())));
                }
            };
        }

    }

    /** A fresh subject for a test user. */
    public static String subject() {
        return UUID.randomUUID().toString();
    }

}
