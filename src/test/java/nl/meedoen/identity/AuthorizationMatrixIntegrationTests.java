package nl.meedoen.identity;

import java.io.IOException;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.servlet.http.Cookie;
import nl.meedoen.support.DemoAddresses;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMethodMapping;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The authorization matrix: who may call what, declared once in
 * {@code src/test/resources/authorization-matrix.txt} and rendered into
 * {@code docs/authorization.md}. The endpoints come from every handler mapping Spring
 * registered (controllers, actuator, static resources): one without a line in the matrix
 * fails the build. Each endpoint is then called as every demo role (in a login session)
 * and without logging in, and must admit exactly the roles its line names: an admitted
 * role is not answered 401 or 403, a refused one 403 (the "geen toegang" page on pages),
 * an anonymous caller 401 on the API and the login page elsewhere. A caseworker of
 * another municipality ({@code begeleider.dordrecht}) gets 404 for every Sliedrecht
 * record of the demo addresses ({@link DemoAddresses}).
 *
 * <p>
 * Changes are called with ids that name nothing and an empty body: authorization comes
 * before binding ({@code platform/web/AuthorizeBeforeBinding}), so a refused role is
 * refused whatever it sends, and an admitted one is turned away by the missing record or
 * the empty body without changing the demo data.
 *
 * <p>
 * Need-to-know per team adds a column for a caseworker of another team: the place is the
 * {@code otherTeam} check next to {@link #otherMunicipality}.
 */
@MeedoenIntegrationTest
class AuthorizationMatrixIntegrationTests {

    static final Path MATRIX = Path.of("src", "test", "resources", "authorization-matrix.txt");

    static final Path RENDERED = Path.of("target", "authorization.md");

    static final Path DOCUMENTED = Path.of("docs", "authorization.md");

    /** The demo account of each role; the anonymous caller has none. */
    static final Map<String, String> USER_OF_ROLE = new LinkedHashMap<>();

    static {
        USER_OF_ROLE.put("CASEWORKER", "begeleider");
        USER_OF_ROLE.put("TEAM_LEAD", "teamleider");
        USER_OF_ROLE.put("POLICY_OFFICER", "beleid");
        USER_OF_ROLE.put("PARTNER", "partner");
        USER_OF_ROLE.put("PRIVACY_OFFICER", "privacy");
        USER_OF_ROLE.put("ADMIN", "beheerder");
        USER_OF_ROLE.put("VOLUNTEER_COORDINATOR", "coordinator");
        USER_OF_ROLE.put("RESIDENT", "inwoner");
    }

    static final String ANONYMOUS = "anonymous";

    static final String OTHER_MUNICIPALITY = "begeleider.dordrecht";

    /**
     * Endpoints called in a session of their own, after the others: logging out ends the
     * session it is sent in.
     */
    private static final Set<String> ENDS_THE_SESSION = Set.of("POST /uitloggen");

    /**
     * Demo records another municipality sees by design: the demo transfer is offered to
     * Dordrecht, which receives it.
     */
    private static final Set<String> SHARED_WITH_THE_OTHER_MUNICIPALITY = Set.of("GET /api/v1/transfers/{transferId}");

    /**
     * Operations that take no input, so nothing stops an admitted role before they act:
     * they are called only as the roles that are refused (the other tests of their module
     * call them as the admitted ones). Retention now would anonymise demo persons the
     * other tests use.
     */
    private static final Set<String> ACTS_WITHOUT_INPUT = Set.of("POST /api/v1/retention/runs",
            "POST /api/v1/signals/evaluation");

    /** The conventional address of the login form, which forwards to it. */
    private static final String LOGIN_FORM_ALIAS = "GET /login";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Test
    void everyEndpointHasALineAndEveryRoleGetsWhatItsLineSays() throws Exception {
        AuthorizationMatrix matrix = AuthorizationMatrix.read(MATRIX);
        Map<String, Endpoint> endpoints = endpoints();

        List<String> missing = new ArrayList<>();
        endpoints.forEach((key, endpoint) -> {
            if (matrix.rule(key).isEmpty()) {
                missing.add(key + "   " + String.join(" ", endpoint.declaredRoles()));
            }
        });
        List<String> stale = matrix.keys().stream().filter(key -> !endpoints.containsKey(key)).toList();
        assertThat(missing)
            .as("endpoints without a line in %s (suggested from @PreAuthorize; decide, then add)", MATRIX)
            .isEmpty();
        assertThat(stale).as("lines in %s for endpoints that do not exist", MATRIX).isEmpty();

        Map<String, String> addresses = DemoAddresses.of(mvc, ownerDataSource);
        Map<String, Cookie> sessions = new LinkedHashMap<>();
        USER_OF_ROLE.forEach((role, user) -> sessions.put(role, login(user)));
        Cookie otherMunicipality = login(OTHER_MUNICIPALITY);

        List<String> wrong = new ArrayList<>();
        int calls = 0;
        int otherMunicipalityCalls = 0;
        for (Endpoint endpoint : endpoints.values()) {
            Set<String> allowed = matrix.rule(endpoint.key()).orElseThrow();
            String address = endpoint.address(addresses);
            for (String caller : callers()) {
                Outcome expected = expected(allowed, caller);
                if (expected == Outcome.ADMITTED && ACTS_WITHOUT_INPUT.contains(endpoint.key())) {
                    continue;
                }
                Cookie session = ENDS_THE_SESSION.contains(endpoint.key()) ? freshSession(caller)
                        : sessions.get(caller);
                Outcome outcome = call(endpoint, address, session);
                calls++;
                if (outcome != expected) {
                    wrong.add(endpoint.key() + " as " + caller + ": " + outcome + ", the matrix says " + expected);
                }
            }
            if (otherMunicipality(endpoint, allowed, addresses)) {
                int status = perform(endpoint, address, otherMunicipality).getStatus();
                otherMunicipalityCalls++;
                if (status != 404) {
                    wrong.add(endpoint.key() + " at " + address + " as " + OTHER_MUNICIPALITY + ": " + status
                            + ", a record of another municipality answers 404");
                }
            }
        }

        System.out.printf(
                "Authorization matrix: %d endpoints covered, %d calls as %d callers, %d calls as a "
                        + "caseworker of another municipality%n",
                endpoints.size(), calls, callers().size(), otherMunicipalityCalls);
        assertThat(endpoints).hasSizeGreaterThan(200);
        assertThat(otherMunicipalityCalls).isGreaterThan(40);
        assertThat(wrong).as("endpoints that do not answer as the matrix says").isEmpty();
    }

    /**
     * The matrix in docs/ is the rendering of the one in the tests. When the matrix
     * changes, copy target/authorization.md to docs/.
     */
    @Test
    void theDocumentedMatrixIsTheRenderingOfTheTestedOne() throws IOException {
        String rendered = AuthorizationMatrix.read(MATRIX).render(List.copyOf(USER_OF_ROLE.keySet()));
        Files.createDirectories(RENDERED.getParent());
        Files.writeString(RENDERED, rendered, StandardCharsets.UTF_8);
        assertThat(DOCUMENTED).as("docs/authorization.md is out of date: copy %s there", RENDERED).exists();
        assertThat(Files.readString(DOCUMENTED, StandardCharsets.UTF_8))
            .as("docs/authorization.md is out of date: copy %s there", RENDERED)
            .isEqualTo(rendered);
    }

    private static List<String> callers() {
        List<String> callers = new ArrayList<>(USER_OF_ROLE.keySet());
        callers.add(ANONYMOUS);
        return callers;
    }

    /**
     * A Sliedrecht record of the demo addresses, shown to a caseworker: the caseworker of
     * Dordrecht must not find it. (A caseworker of another team is checked here too once
     * the teams keep to their own files.)
     */
    private static boolean otherMunicipality(Endpoint endpoint, Set<String> allowed, Map<String, String> addresses) {
        return endpoint.method() == HttpMethod.GET && endpoint.pattern().contains("{")
                && !SHARED_WITH_THE_OTHER_MUNICIPALITY.contains(endpoint.key())
                && addresses.containsKey(endpoint.pattern())
                && (allowed.contains("CASEWORKER") || allowed.contains(AuthorizationMatrix.AUTHENTICATED));
    }

    private static Outcome expected(Set<String> allowed, String caller) {
        if (allowed.contains(AuthorizationMatrix.ANYONE)) {
            return Outcome.ADMITTED;
        }
        if (caller.equals(ANONYMOUS)) {
            return Outcome.LOGIN_REQUIRED;
        }
        return AuthorizationMatrix.admits(allowed, caller) ? Outcome.ADMITTED : Outcome.REFUSED;
    }

    private Outcome call(Endpoint endpoint, String address, Cookie session) throws Exception {
        MockHttpServletResponse response = perform(endpoint, address, session);
        int status = response.getStatus();
        if (status == 401) {
            return Outcome.LOGIN_REQUIRED;
        }
        String redirect = response.getRedirectedUrl();
        // Sent to the login form: refused for want of a login, except by the conventional
        // address of the login form itself, whose whole answer is that redirect.
        if (status == 302 && redirect != null && redirect.endsWith("/inloggen") && session == null
                && !endpoint.key().equals(LOGIN_FORM_ALIAS)) {
            return Outcome.LOGIN_REQUIRED;
        }
        if (status == 403 || "/geen-toegang".equals(response.getForwardedUrl())) {
            return Outcome.REFUSED;
        }
        return Outcome.ADMITTED;
    }

    private MockHttpServletResponse perform(Endpoint endpoint, String address, Cookie session) throws Exception {
        String target = endpoint.method() == HttpMethod.GET ? address : endpoint.addressOfNothing();
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(endpoint.method(), target);
        if (endpoint.isApi()) {
            List<MediaType> accepted = new ArrayList<>(
                    endpoint.produces().isEmpty() ? List.of(MediaType.APPLICATION_JSON) : endpoint.produces());
            accepted.add(MediaType.APPLICATION_PROBLEM_JSON);
            request.accept(accepted.toArray(MediaType[]::new));
            if (endpoint.method() != HttpMethod.GET) {
                request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        }
        if (endpoint.method() != HttpMethod.GET) {
            request.with(csrf());
        }
        if (session != null) {
            request.cookie(session);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private Cookie login(String user) {
        return nl.meedoen.support.Pages.as(mvc, user).cookie();
    }

    private Cookie freshSession(String caller) {
        return caller.equals(ANONYMOUS) ? null : login(USER_OF_ROLE.get(caller));
    }

    /** Every endpoint of every handler mapping, by "METHOD pattern". */
    private Map<String, Endpoint> endpoints() {
        Map<String, Endpoint> endpoints = new TreeMap<>();
        for (HandlerMapping mapping : context.getBeansOfType(HandlerMapping.class).values()) {
            if (mapping instanceof AbstractHandlerMethodMapping<?> methods) {
                methods.getHandlerMethods().forEach((info, handler) -> {
                    RequestMappingInfo requestInfo = (RequestMappingInfo) info;
                    Set<String> verbs = new TreeSet<>();
                    requestInfo.getMethodsCondition().getMethods().forEach(m -> verbs.add(m.name()));
                    if (verbs.isEmpty()) {
                        verbs.add("GET");
                        verbs.add("POST");
                    }
                    for (String pattern : requestInfo.getPatternValues()) {
                        for (String verb : verbs) {
                            Endpoint endpoint = new Endpoint(HttpMethod.valueOf(verb), pattern, handler,
                                    List.copyOf(requestInfo.getProducesCondition().getProducibleMediaTypes()));
                            endpoints.put(endpoint.key(), endpoint);
                        }
                    }
                });
            }
            else if (mapping instanceof AbstractUrlHandlerMapping urls) {
                for (String pattern : urls.getHandlerMap().keySet()) {
                    Endpoint endpoint = new Endpoint(HttpMethod.GET, pattern, null, List.of());
                    endpoints.put(endpoint.key(), endpoint);
                }
            }
            else if (mapping instanceof RouterFunctionMapping functions) {
                assertThat(functions.getRouterFunction())
                    .as("router functions: the matrix knows only annotated handlers and static files")
                    .isNull();
            }
            else {
                throw new AssertionError("a handler mapping the matrix does not know: " + mapping.getClass());
            }
        }
        return endpoints;
    }

    enum Outcome {

        ADMITTED, REFUSED, LOGIN_REQUIRED

    }

    /** One method on one pattern, and the handler behind it (none for static files). */
    record Endpoint(HttpMethod method, String pattern, HandlerMethod handler, List<MediaType> produces) {

        private static final Pattern VARIABLE = Pattern.compile("\\{([^}:*]+)(:[^}]*)?}");

        String key() {
            return method.name() + " " + pattern;
        }

        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        /** The demo address of the pattern, or the pattern with ids that name nothing. */
        String address(Map<String, String> addresses) {
            return addresses.getOrDefault(pattern, addressOfNothing());
        }

        /**
         * The pattern with a value of the right type for each variable that names no
         * record.
         */
        String addressOfNothing() {
            String address = pattern.replace("/**", "/css/meedoen.css").replace("**", "x");
            Matcher variables = VARIABLE.matcher(address);
            StringBuilder filled = new StringBuilder();
            while (variables.find()) {
                variables.appendReplacement(filled, Matcher.quoteReplacement(sample(variables.group(1))));
            }
            variables.appendTail(filled);
            return filled.toString();
        }

        private String sample(String variable) {
            Class<?> type = String.class;
            if (handler != null) {
                for (Parameter parameter : handler.getMethod().getParameters()) {
                    PathVariable path = parameter.getAnnotation(PathVariable.class);
                    if (path != null && (variable.equals(path.value()) || variable.equals(path.name())
                            || variable.equals(parameter.getName()))) {
                        type = parameter.getType();
                    }
                }
            }
            if (type == UUID.class) {
                return "00000000-0000-4000-8000-000000000000";
            }
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                return "1";
            }
            if (type.getSimpleName().equals("YearMonth")) {
                return "2024-01";
            }
            if (type.getSimpleName().equals("Year")) {
                return "2024";
            }
            if (type.isEnum()) {
                return type.getEnumConstants()[0].toString();
            }
            return "onbekend";
        }

        /** The roles its {@code @PreAuthorize} names, as a first suggestion. */
        List<String> declaredRoles() {
            if (handler == null) {
                return List.of(AuthorizationMatrix.ANYONE);
            }
            PreAuthorize rule = Optional
                .ofNullable(AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class))
                .orElse(AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class));
            if (rule == null) {
                return List.of(AuthorizationMatrix.AUTHENTICATED);
            }
            Matcher roles = Pattern.compile("'([A-Z_]+)'").matcher(rule.value());
            List<String> named = new ArrayList<>();
            while (roles.find()) {
                named.add(roles.group(1));
            }
            return named;
        }

    }

}
