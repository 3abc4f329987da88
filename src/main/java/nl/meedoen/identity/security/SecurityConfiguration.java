package nl.meedoen.identity.security;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedoen.identity.ResidentSignOn;
import nl.meedoen.identity.Role;
import nl.meedoen.platform.RequestTrace;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Two filter chains. The API ({@code /api/**}, and the operator's metrics
 * {@code /actuator/prometheus}) accepts the login session, an API token or HTTP Basic,
 * answers 401/403 as problem details and skips CSRF only for Basic requests (no cookie,
 * so no cross-site forgery). The pages use a Dutch login form, CSRF on every form, a new
 * session id at login and a "geen toegang" page; when an OpenID Connect provider is
 * configured the login page offers it beside the form (single sign-on) and logging out
 * ends the provider's session too.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private final Clock clock;

    private final Duration sessionLifetime;

    private final boolean httpBasic;

    /**
     * HTTP Basic on the API ({@code meedoen.security.http-basic}) is on in the demo and
     * off by default elsewhere: it sends the password with every request and costs a
     * password hash each time; scripts and partners use API tokens.
     */
    SecurityConfiguration(Clock clock,
            @Value("${meedoen.security.session.absolute-lifetime:10h}") Duration sessionLifetime,
            @Value("${meedoen.security.http-basic:${meedoen.demo:false}}") boolean httpBasic) {
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
        this.httpBasic = httpBasic;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems, LoginThrottle throttle, ApiTokens tokens,
            UserDetailsService accounts, JdbcClient jdbc) throws Exception {
        RequestMatcher needsCsrf = request -> !isSafe(request) && !usesBasic(request) && !usesToken(request);
        // the operator's metrics are scraped like the API (a service token, problem
        // details): installation-wide figures, no person and no municipality in them
        // (docs/operations.md); a resident reaches only the own part of the API
        http.securityMatcher("/api/**", "/actuator/prometheus")
            .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/prometheus")
                .hasRole("ADMIN")
                .requestMatchers("/api/v1/my/**")
                .hasRole(Role.RESIDENT.name())
                .anyRequest()
                .access(STAFF));
        if (httpBasic) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(
                    (request, response, ex) -> problems.write(request, response, HttpStatus.UNAUTHORIZED)));
        }
        return http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(needsCsrf))
            .addFilterBefore(new BearerTokenFilter(tokens, accounts, problems), BasicAuthenticationFilter.class)
            .addFilterBefore(new LoginThrottleFilter(throttle), BasicAuthenticationFilter.class)
            .addFilterAfter(new SessionLifetimeFilter(clock, sessionLifetime), SecurityContextHolderFilter.class)
            .addFilterBefore(new PasswordChangeFilter(jdbc, accounts, problems), AuthorizationFilter.class)
            .headers(headers -> hardened(headers, "'self'"))
            .exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(
                        (request, response, ex) -> problems.write(request, response, HttpStatus.UNAUTHORIZED))
                .accessDeniedHandler(
                        (request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN)))
            .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, LoginThrottle throttle, LoginOutcomes outcomes,
            ProblemWriter problems, JdbcClient jdbc, UserDetailsService accounts,
            ObjectProvider<ClientRegistrationRepository> singleSignOn,
            ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> singleSignOnAccounts,
            ObjectProvider<ResidentSignOn> digid) throws Exception {
        ClientRegistrationRepository provider = singleSignOn.getIfAvailable();
        if (provider != null) {
            http.oauth2Login(login -> login.loginPage("/inloggen")
                .userInfoEndpoint(users -> users.oidcUserService(singleSignOnAccounts.getObject()))
                .successHandler((request, response, authentication) -> {
                    if (authentication instanceof OAuth2AuthenticationToken token
                            && ResidentSignOn.REGISTRATION.equals(token.getAuthorizedClientRegistrationId())) {
                        digid.getObject().loggedIn();
                    }
                    landing().onAuthenticationSuccess(request, response, authentication);
                })
                .failureHandler((request, response, ex) -> response
                    .sendRedirect(request.getContextPath() + "/inloggen?geweigerd=" + refusal(ex))));
        }
        SimpleUrlLogoutSuccessHandler loggedOut = provider == null ? new SimpleUrlLogoutSuccessHandler()
                : providerLogout(provider);
        loggedOut.setDefaultTargetUrl("/inloggen?uitgelogd");
        // logging out posts a form whose answer sends the browser on to the provider's
        // end
        // session endpoint: the browser follows that only when the policy names it
        String formTargets = provider == null ? "'self'" : "'self' " + logoutOrigin(provider);
        return http
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/inloggen", "/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                        "/error", "/actuator/health", "/actuator/health/**")
                .permitAll()
                .requestMatchers(RESIDENT_ANONYMOUS)
                .permitAll()
                .requestMatchers("/mijn/**")
                .hasRole(Role.RESIDENT.name())
                .requestMatchers("/geen-toegang")
                .authenticated()
                .anyRequest()
                .access(STAFF))
            .formLogin(form -> form.loginPage("/inloggen").successHandler((request, response, authentication) -> {
                outcomes.loggedIn(authentication.getName(), authentication.getDetails());
                landing().onAuthenticationSuccess(request, response, authentication);
            }).permitAll())
            .logout(logout -> logout.logoutUrl("/uitloggen")
                .logoutSuccessHandler(loggedOut)
                .deleteCookies("MEEDOEN_SESSION"))
            .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId())
                .invalidSessionUrl("/inloggen?verlopen"))
            .exceptionHandling(exceptions -> exceptions.accessDeniedPage("/geen-toegang"))
            .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
            .addFilterAfter(new SessionLifetimeFilter(clock, sessionLifetime), SecurityContextHolderFilter.class)
            .addFilterBefore(new PasswordChangeFilter(jdbc, accounts, problems), AuthorizationFilter.class)
            .headers(headers -> hardened(headers, formTargets))
            .csrf(Customizer.withDefaults())
            .build();
    }

    /**
     * The pages of Mijn Meedoen a resident reaches without logging in: activating the
     * account with the code of the activation letter.
     */
    private static final String[] RESIDENT_ANONYMOUS = { "/mijn/activeren", "/mijn/taal" };

    /**
     * Every logged-in role but the resident's: a resident reaches only Mijn Meedoen
     * ({@code /mijn/**}, {@code /api/v1/my/**}), login, logout, static files and the
     * "geen toegang" page; every other address answers 403.
     */
    private static final AuthorizationManager<RequestAuthorizationContext> STAFF = AuthorizationManagers.allOf(
            AuthenticatedAuthorizationManager.authenticated(),
            AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(Role.RESIDENT.name())));

    /**
     * After a login: the page asked for, else the start page; for a resident Mijn
     * Meedoen.
     */
    private static AuthenticationSuccessHandler landing() {
        SavedRequestAwareAuthenticationSuccessHandler staff = new SavedRequestAwareAuthenticationSuccessHandler();
        staff.setDefaultTargetUrl("/");
        SavedRequestAwareAuthenticationSuccessHandler resident = new SavedRequestAwareAuthenticationSuccessHandler();
        resident.setDefaultTargetUrl("/mijn");
        return (request, response, authentication) -> {
            boolean isResident = authentication.getAuthorities()
                .stream()
                .anyMatch(a -> Role.RESIDENT.authority().equals(a.getAuthority()));
            (isResident ? resident : staff).onAuthenticationSuccess(request, response, authentication);
        };
    }

    /**
     * Logging out of an account that came through the identity provider ends the
     * provider's session too (RP-initiated logout, when the provider announces an end
     * session endpoint), which sends the browser back to the login page.
     */
    private static SimpleUrlLogoutSuccessHandler providerLogout(ClientRegistrationRepository provider) {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(provider);
        logout.setPostLogoutRedirectUri("{baseUrl}/inloggen?uitgelogd");
        return logout;
    }

    /**
     * The origin (scheme, host, port) of the provider's end session endpoint, else of its
     * issuer.
     */
    private static String logoutOrigin(ClientRegistrationRepository provider) {
        java.util.Set<String> origins = new java.util.LinkedHashSet<>();
        for (String id : new String[] { "sso", ResidentSignOn.REGISTRATION }) {
            ClientRegistration registration = provider.findByRegistrationId(id);
            if (registration == null) {
                continue;
            }
            Object endSession = registration.getProviderDetails()
                .getConfigurationMetadata()
                .get("end_session_endpoint");
            String address = endSession != null ? endSession.toString()
                    : registration.getProviderDetails().getIssuerUri();
            URI uri = URI.create(address);
            origins.add(uri.getScheme() + "://" + uri.getAuthority());
        }
        return String.join(" ", origins);
    }

    /** The reason of a refused single sign-on, as the login page words it. */
    private static String refusal(AuthenticationException ex) {
        if (ex instanceof OAuth2AuthenticationException oauth && (oauth.getError().getErrorCode().startsWith("sso_")
                || oauth.getError().getErrorCode().startsWith("digid_"))) {
            return oauth.getError().getErrorCode();
        }
        return "sso_failed";
    }

    /**
     * The response headers of every page and API answer. Scripts come only from Meedoen
     * itself (no inline script, so an injected {@code <script>} does not run); styles may
     * be inline (htmx adds its indicator style). No other site frames a page, no address
     * leaves for another site, the browser's camera, microphone, location and payment
     * features are off. Strict-Transport-Security is sent on every request that arrived
     * over TLS, also through a proxy that says so
     * ({@code server.forward-headers-strategy}, see application.yml).
     */
    private static void hardened(HeadersConfigurer<HttpSecurity> headers, String formTargets) {
        headers
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                    + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; "
                    + "frame-ancestors 'none'; form-action " + formTargets))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
            .permissionsPolicyHeader(permissions -> permissions
                .policy("camera=(), microphone=(), geolocation=(), " + "payment=(), usb=(), interest-cohort=()"))
            .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    private static boolean isSafe(HttpServletRequest request) {
        String method = request.getMethod();
        return HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method)
                || HttpMethod.TRACE.matches(method);
    }

    private static boolean usesToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static boolean usesBasic(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    /**
     * Writes a 401/403 problem detail in the caller's language, outside the MVC error
     * handling.
     */
    @Component
    static class ProblemWriter {

        private final MessageSource messages;

        private final LocaleResolver locales;

        private final JsonMapper json = JsonMapper.builder().build();

        ProblemWriter(MessageSource messages, LocaleResolver locales) {
            this.messages = messages;
            this.locales = locales;
        }

        void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws IOException {
            write(request, response, status,
                    status == HttpStatus.UNAUTHORIZED ? "problem.unauthorized" : "problem.forbidden",
                    "Basic realm=\"Meedoen\"");
        }

        void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
                String challenge) throws IOException {
            Locale locale = locales.resolveLocale(request);
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", messages.getMessage("problem.title." + status.value(), null, locale));
            problem.put("status", status.value());
            problem.put("detail", messages.getMessage(key, null, locale));
            problem.put("instance", request.getRequestURI());
            RequestTrace.currentId().ifPresent(id -> problem.put("traceId", id));
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            if (status == HttpStatus.UNAUTHORIZED) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
            }
            json.writeValue(response.getOutputStream(), problem);
        }

    }

}
