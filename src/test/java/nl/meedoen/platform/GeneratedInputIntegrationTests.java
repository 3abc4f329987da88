package nl.meedoen.platform;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.meedoen.platform.HostileInputs.Input;
import nl.meedoen.platform.HostileInputs.Operation;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Generated bad input for every operation of the OpenAPI document, read at test time, so
 * a new operation is covered by itself. Each input goes out as a demo user with the role
 * the handler's {@code @PreAuthorize} names and as the caseworker, without
 * {@code Accept-Language}. No answer may be a 5xx, an error on {@code /api/**} that is
 * not {@code application/problem+json}, or an English title, detail or field message.
 * <p>
 * Seeded: {@code -Dmeedoen.fuzz.seed=…} replays a run (the seed is printed),
 * {@code -Dmeedoen.fuzz.perOperation=…} draws more inputs per operation (default 10).
 * {@code bench/HostileInput.java} does the same at scale against a running application.
 * <p>
 * It runs in an application context (and database) of its own: the inputs it sends that
 * are valid change what they reach, municipality settings among them, and the other tests
 * must not see those changes.
 */
@MeedoenIntegrationTest
@TestPropertySource(properties = "meedoen.test.context=generated-input")
class GeneratedInputIntegrationTests {

    static final long DEFAULT_SEED = 20;

    static final Map<String, String> DEMO_USER_BY_ROLE = Map.of("CASEWORKER", "begeleider", "TEAM_LEAD", "teamleider",
            "POLICY_OFFICER", "beleid", "PARTNER", "partner", "PRIVACY_OFFICER", "privacy", "ADMIN", "beheerder",
            "VOLUNTEER_COORDINATOR", "coordinator");

    /**
     * Spring's and Tomcat's own English, for answers that never reached the message
     * bundle.
     */
    static final List<String> ENGLISH_PHRASES = List.of("Required request", "Required path variable",
            "Required parameter", "is not present", "Failed to convert", "Failed to read", "Invalid request content",
            "Validation failed", "Validation failure", "not supported", "No static resource", "No endpoint",
            "Unexpected character", "Cannot deserialize", "Unrecognized field", "Cannot construct",
            "Unexpected end-of-input", "Internal Server Error", "Bad Request", "Not Acceptable", "Method Not Allowed",
            "Unsupported Media Type", "Precondition Failed", "Precondition Required", "Unprocessable Entity",
            "Content Too Large", "Payload Too Large", "Not Found", "Unauthorized");

    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*\\}");

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Autowired
    UserDetailsService accounts;

    record Failure(String operation, String kind, String input, String user, String status, String reason) {
    }

    @Test
    void generatedBadInputNeverAnswersAServerErrorAndEveryErrorIsADutchProblemDetail() throws Exception {
        long seed = Long.getLong("meedoen.fuzz.seed", DEFAULT_SEED);
        int perOperation = Integer.getInteger("meedoen.fuzz.perOperation", 10);
        System.out.printf("Generated input: seed %d (-Dmeedoen.fuzz.seed=%d), %d inputs per operation%n", seed, seed,
                perOperation);
        Map<String, Object> document = HostileInputs.map(Api.JSON
            .readValue(Api.as(this.mvc, "begeleider").get("/api/openapi").raw().getContentAsByteArray(), Map.class));
        List<Operation> operations = HostileInputs.operations(document);
        Map<String, String> roles = rolesByOperation();
        Set<String> english = englishMessages();
        Map<String, UserDetails> users = new HashMap<>();
        String person = Api.as(this.mvc, "begeleider")
            .post("/api/v1/persons", Api.person("Fuzz", "Gegenereerd"))
            .body()
            .get("id")
            .asString();
        HostileInputs generator = new HostileInputs(document, new Random(seed), person);
        List<Failure> failures = new ArrayList<>();
        int requests = 0;
        long started = System.nanoTime();

        for (Operation operation : operations) {
            String roleUser = roles.getOrDefault(operation.name(), "begeleider");
            Set<String> callers = new LinkedHashSet<>(List.of(roleUser, "begeleider"));
            for (Input input : generator.generate(operation, perOperation)) {
                for (String caller : callers) {
                    UserDetails details = users.computeIfAbsent(caller, this.accounts::loadUserByUsername);
                    requests++;
                    Failure failure = send(operation, input, caller, details, english);
                    if (failure != null) {
                        failures.add(failure);
                    }
                }
            }
        }

        System.out.printf("Generated input: %d operations, %d requests in %.1f s, %d failed%n", operations.size(),
                requests, (System.nanoTime() - started) / 1e9, failures.size());
        String table = table(failures);
        System.out.println(table);
        assertThat(operations).hasSizeGreaterThan(50);
        assertThat(failures).as("requests that answered a 5xx, a non-problem error or English%n%s", table).isEmpty();
    }

    private @Nullable Failure send(Operation operation, Input input, String caller, UserDetails details,
            Set<String> english) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders
            .request(HttpMethod.valueOf(operation.method().toUpperCase()), URI.create(input.path()))
            .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
            .with(user(details))
            .with(csrf());
        if (input.body() != null && input.contentType() != null) {
            request.contentType(input.contentType()).content(input.body().getBytes(StandardCharsets.UTF_8));
        }
        if (List.of("put", "patch", "delete").contains(operation.method())) {
            request.header(HttpHeaders.IF_MATCH, "\"1\"");
        }
        MockHttpServletResponse response;
        try {
            response = this.mvc.perform(request).andReturn().getResponse();
        }
        catch (Exception ex) {
            Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
            return new Failure(operation.name(), input.kind(), input.input(), caller, "thrown",
                    cause.getClass().getSimpleName());
        }
        int status = response.getStatus();
        String reason = null;
        if (status >= 500) {
            reason = "server error";
        }
        else if (status >= 400 && input.path().startsWith("/api/")) {
            String type = response.getContentType();
            if (type == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(MediaType.parseMediaType(type))) {
                reason = "not a problem detail (" + type + ")";
            }
            else {
                reason = englishIn(response, english);
            }
        }
        return (reason != null)
                ? new Failure(operation.name(), input.kind(), input.input(), caller, String.valueOf(status), reason)
                : null;
    }

    private static @Nullable String englishIn(MockHttpServletResponse response, Set<String> english) {
        JsonNode problem;
        try {
            problem = Api.JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        }
        catch (Exception ex) {
            return "problem detail that is not JSON";
        }
        List<String> texts = new ArrayList<>();
        for (String field : List.of("title", "detail")) {
            if (problem.get(field) != null) {
                texts.add(problem.get(field).asString());
            }
        }
        if (problem.get("errors") != null) {
            for (JsonNode error : problem.get("errors")) {
                if (error.get("message") != null) {
                    texts.add(error.get("message").asString());
                }
            }
        }
        for (String text : texts) {
            for (String phrase : english) {
                if (text.contains(phrase)) {
                    return "English: " + HostileInputs.describe(text);
                }
            }
        }
        return null;
    }

    /**
     * The English message bundle's texts that differ from the Dutch ones (the literal
     * parts of a message with placeholders), and Spring's own English phrases.
     */
    static Set<String> englishMessages() throws IOException {
        Properties dutch = load("/messages.properties");
        Properties english = load("/messages_en.properties");
        Set<String> phrases = new LinkedHashSet<>(ENGLISH_PHRASES);
        for (String key : english.stringPropertyNames()) {
            String text = english.getProperty(key);
            if (text.equals(dutch.getProperty(key))) {
                continue;
            }
            for (String part : PLACEHOLDER.split(text)) {
                String literal = part.strip();
                if (literal.length() >= 8 && literal.contains(" ") || key.startsWith("problem.title.")) {
                    phrases.add(literal);
                }
            }
        }
        return phrases;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = GeneratedInputIntegrationTests.class.getResourceAsStream(resource)) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /**
     * The demo user for each handler's role: the first role its {@code @PreAuthorize}
     * names.
     */
    private Map<String, String> rolesByOperation() {
        Map<String, String> users = new HashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.handlers.getHandlerMethods().entrySet()) {
            Method method = entry.getValue().getMethod();
            PreAuthorize access = AnnotatedElementUtils.findMergedAnnotation(method, PreAuthorize.class);
            if (access == null) {
                access = AnnotatedElementUtils.findMergedAnnotation(entry.getValue().getBeanType(), PreAuthorize.class);
            }
            String user = (access != null) ? demoUser(access.value()) : null;
            if (user == null) {
                continue;
            }
            Set<org.springframework.web.bind.annotation.RequestMethod> methods = entry.getKey()
                .getMethodsCondition()
                .getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                String path = pattern.replaceAll("\\{(\\w+):[^}]*\\}", "{$1}");
                for (var requestMethod : methods) {
                    users.put(requestMethod.name() + " " + path, user);
                }
            }
        }
        return users;
    }

    private static @Nullable String demoUser(String expression) {
        Matcher role = ROLE.matcher(expression);
        while (role.find()) {
            String user = DEMO_USER_BY_ROLE.get(role.group(1).replaceFirst("^ROLE_", ""));
            if (user != null) {
                return user;
            }
        }
        return null;
    }

    /**
     * One row per operation, input kind, caller, status and reason, with how often it
     * happened.
     */
    static String table(List<Failure> failures) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> examples = new LinkedHashMap<>();
        for (Failure failure : failures) {
            String key = String.format("%-62s %-15s %-12s %-7s %s", failure.operation(), failure.kind(), failure.user(),
                    failure.status(), failure.reason());
            counts.merge(key, 1, Integer::sum);
            examples.putIfAbsent(key, failure.input());
        }
        StringBuilder table = new StringBuilder(String.format("%-62s %-15s %-12s %-7s %s%n", "operation", "input", "as",
                "status", "reason (count; example input)"));
        counts.forEach((key, count) -> table.append(String.format("%s (%d; %s)%n", key, count, examples.get(key))));
        return table.toString();
    }

}
