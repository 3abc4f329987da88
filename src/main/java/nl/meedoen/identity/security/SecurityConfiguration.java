package nl.meedoen.identity.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.meedoen.platform.RequestTrace;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Two filter chains. The API ({@code /api/**}) accepts the login session or HTTP Basic,
 * answers 401/403 as problem details and skips CSRF only for Basic requests (no cookie,
 * so no cross-site forgery). The pages use a Dutch login form, CSRF on every form, a new
 * session id at login and a "geen toegang" page.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private final Clock clock;

    private final Duration sessionLifetime;

    SecurityConfiguration(Clock clock,
            @Value("${meedoen.security.session.absolute-lifetime:10h}") Duration sessionLifetime) {
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems, LoginThrottle throttle)
            throws Exception {
        RequestMatcher needsCsrf = request -> !isSafe(request) && !usesBasic(request);
        return http.securityMatcher("/api/**")
            .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
            .httpBasic(basic -> basic.authenticationEntryPoint(
                    (request, response, ex) -> problems.write(request, response, HttpStatus.UNAUTHORIZED)))
            .csrf(csrf -> csrf.requireCsrfProtectionMatcher(needsCsrf))
            .addFilterBefore(new LoginThrottleFilter(throttle), BasicAuthenticationFilter.class)
            .addFilterAfter(new SessionLifetimeFilter(clock, sessionLifetime), SecurityContextHolderFilter.class)
            .headers(SecurityConfiguration::hardened)
            .exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(
                        (request, response, ex) -> problems.write(request, response, HttpStatus.UNAUTHORIZED))
                .accessDeniedHandler(
                        (request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN)))
            .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http, LoginThrottle throttle) throws Exception {
        return http
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/inloggen", "/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                        "/error", "/actuator/health", "/actuator/health/**")
                .permitAll()
                .anyRequest()
                .authenticated())
            .formLogin(form -> form.loginPage("/inloggen").defaultSuccessUrl("/", false).permitAll())
            .logout(logout -> logout.logoutUrl("/uitloggen")
                .logoutSuccessUrl("/inloggen?uitgelogd")
                .deleteCookies("MEEDOEN_SESSION"))
            .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId())
                .invalidSessionUrl("/inloggen?verlopen"))
            .exceptionHandling(exceptions -> exceptions.accessDeniedPage("/geen-toegang"))
            .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
            .addFilterAfter(new SessionLifetimeFilter(clock, sessionLifetime), SecurityContextHolderFilter.class)
            .headers(SecurityConfiguration::hardened)
            .csrf(Customizer.withDefaults())
            .build();
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
    private static void hardened(HeadersConfigurer<HttpSecurity> headers) {
        headers
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                    + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; "
                    + "frame-ancestors 'none'; form-action 'self'"))
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
            Locale locale = locales.resolveLocale(request);
            String key = status == HttpStatus.UNAUTHORIZED ? "problem.unauthorized" : "problem.forbidden";
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
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Meedoen\"");
            }
            json.writeValue(response.getOutputStream(), problem);
        }

    }

}
