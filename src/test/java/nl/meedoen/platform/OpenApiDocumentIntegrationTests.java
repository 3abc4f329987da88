package nl.meedoen.platform;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import nl.meedoen.platform.web.IfMatch;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API reference ({@code /api/openapi}) against the handlers that really answer: every
 * operation documented, every documented request body exactly the body its handler reads,
 * every error documented with the problem schema.
 */
@MeedoenIntegrationTest
class OpenApiDocumentIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    JsonNode document;

    @BeforeEach
    void readDocument() {
        this.document = Api.as(mvc, "begeleider").get("/api/openapi").body();
    }

    @Test
    void everyApiHandlerIsDocumentedWithItsPathAndMethod() {
        List<String> undocumented = new ArrayList<>();
        int operations = 0;
        for (Operation operation : apiOperations()) {
            operations++;
            if (documented(operation) == null) {
                undocumented.add(operation.toString());
            }
        }

        assertThat(operations).isGreaterThan(50);
        assertThat(undocumented).as("handlers missing from the reference").isEmpty();
    }

    @Test
    void everyDocumentedRequestBodyHasExactlyTheJsonPropertiesItsHandlerReads() {
        Map<String, String> wrong = new TreeMap<>();
        int bodies = 0;
        for (Operation operation : apiOperations()) {
            Class<?> body = operation.recordBody();
            if (body == null) {
                continue;
            }
            bodies++;
            Set<String> documented = requestProperties(operation);
            Set<String> read = jsonProperties(body);
            if (!read.equals(documented)) {
                wrong.put(operation.toString(), "documented " + documented + ", handler reads " + read);
            }
        }

        assertThat(bodies).isGreaterThan(30);
        assertThat(wrong).as("request bodies documented otherwise than their handler reads them").isEmpty();
    }

    @Test
    void everyDocumentedResponseBodyHasExactlyTheJsonPropertiesItsHandlerWrites() {
        Map<String, String> wrong = new TreeMap<>();
        int bodies = 0;
        for (Operation operation : apiOperations()) {
            Class<?> body = operation.recordResponse();
            JsonNode documented = documented(operation);
            if (body == null || documented == null) {
                continue;
            }
            bodies++;
            Set<String> written = jsonProperties(body);
            Set<String> described = responseProperties(documented);
            if (!written.equals(described)) {
                wrong.put(operation.toString(), "documented " + described + ", handler writes " + written);
            }
        }

        assertThat(bodies).isGreaterThan(30);
        assertThat(wrong).as("response bodies documented otherwise than their handler writes them").isEmpty();
    }

    @Test
    void anIfMatchIsDocumentedAsTheHeaderItIs() {
        Operation change = operation("PUT", "/api/v1/persons/{id}");

        JsonNode parameters = documented(change).get("parameters");
        List<String> headers = new ArrayList<>();
        parameters
            .forEach(parameter -> headers.add(parameter.get("in").asString() + " " + parameter.get("name").asString()));
        assertThat(headers).contains("header If-Match").doesNotContain("query version", "query ifMatch");
        assertThat(document.get("components").get("schemas").propertyNames()).doesNotContain("IfMatch");
    }

    @Test
    void referralSettingsAreDocumentedWithTheirOwnBodyNotTheTrajectorySettings() {
        Operation change = operation("PUT", "/api/v1/referral-settings");

        assertThat(requestProperties(change)).containsExactlyInAnyOrder("responseDays", "partnerGraceDays");
        assertThat(requestSchemaName(change)).isEqualTo("ReferralApi.SettingsBody");
    }

    @Test
    void eachStatusRequestHasItsOwnSchemaSoTheBuddyMatchStatusKeepsItsDate() {
        Operation buddy = operation("POST", "/api/v1/matches/buddy/{id}/status");

        assertThat(requestProperties(buddy)).containsExactlyInAnyOrder("status", "date", "reason");
        assertThat(requestSchemaName(buddy)).isEqualTo("BuddyMatchApi.StatusRequest");
        assertThat(document.get("components").get("schemas").propertyNames()).doesNotContain("StatusRequest");
    }

    @Test
    void everyOperationListsItsErrorResponsesWithTheProblemSchema() {
        Map<String, Set<String>> missing = new TreeMap<>();
        for (Operation operation : apiOperations()) {
            JsonNode documented = documented(operation);
            if (documented == null) {
                continue;
            }
            Set<String> expected = new TreeSet<>(List.of("400", "403", "404"));
            if (operation.takesIfMatch()) {
                expected.addAll(List.of("412", "428"));
            }
            if (!"GET".equals(operation.method())) {
                expected.addAll(List.of("409", "422"));
            }
            JsonNode responses = documented.get("responses");
            expected
                .removeIf(status -> responses.has(status) && "#/components/schemas/Problem".equals(responses.get(status)
                    .get("content")
                    .get("application/problem+json")
                    .get("schema")
                    .get("$ref")
                    .asString()));
            if (!expected.isEmpty()) {
                missing.put(operation.toString(), expected);
            }
        }

        JsonNode problem = document.get("components").get("schemas").get("Problem").get("properties");
        assertThat(problem.propertyNames()).contains("type", "title", "status", "detail", "instance", "traceId",
                "errors");
        assertThat(problem.get("errors").get("items").get("properties").propertyNames()).contains("field", "message");
        assertThat(missing).as("error responses missing").isEmpty();
    }

    private Operation operation(String method, String path) {
        return apiOperations().stream()
            .filter(operation -> operation.method().equals(method) && operation.path().equals(path))
            .findFirst()
            .orElseThrow();
    }

    private @Nullable JsonNode documented(Operation operation) {
        JsonNode path = document.get("paths").get(operation.path());
        return path == null ? null : path.get(operation.method().toLowerCase());
    }

    private String requestSchemaName(Operation operation) {
        JsonNode documented = documented(operation);
        assertThat(documented).as(operation + " documented").isNotNull();
        JsonNode schema = documented.get("requestBody").get("content").get("application/json").get("schema");
        if (schema.has("items")) {
            schema = schema.get("items");
        }
        return schema.get("$ref").asString().substring("#/components/schemas/".length());
    }

    private Set<String> requestProperties(Operation operation) {
        JsonNode schema = document.get("components").get("schemas").get(requestSchemaName(operation));
        JsonNode properties = schema.get("properties");
        return properties == null ? Set.of() : new TreeSet<>(properties.propertyNames());
    }

    private Set<String> responseProperties(JsonNode documented) {
        for (var response : documented.get("responses").properties()) {
            if (response.getKey().startsWith("2") && response.getValue().has("content")) {
                for (var content : response.getValue().get("content").properties()) {
                    JsonNode schema = content.getValue().get("schema");
                    if (schema.has("items")) {
                        schema = schema.get("items");
                    }
                    if (schema.has("$ref")) {
                        JsonNode properties = document.get("components")
                            .get("schemas")
                            .get(schema.get("$ref").asString().substring("#/components/schemas/".length()))
                            .get("properties");
                        return properties == null ? Set.of() : new TreeSet<>(properties.propertyNames());
                    }
                }
            }
        }
        return Set.of();
    }

    private static Set<String> jsonProperties(Class<?> record) {
        Set<String> names = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            names.add(component.getName());
        }
        return names;
    }

    private List<Operation> apiOperations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlers.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("nl.meedoen")) {
                continue;
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    operations
                        .add(new Operation(method.name(), pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}"), handler));
                }
            }
        }
        return operations;
    }

    /** One method on one path, and the handler that answers it. */
    record Operation(String method, String path, HandlerMethod handler) {

        /**
         * The record the handler reads from the body (also as a list's items), if any.
         */
        @Nullable Class<?> recordBody() {
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    Type type = parameter.getGenericParameterType();
                    Class<?> raw = parameter.getParameterType();
                    if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType generic
                            && generic.getActualTypeArguments()[0] instanceof Class<?> item) {
                        raw = item;
                    }
                    return raw.isRecord() ? raw : null;
                }
            }
            return null;
        }

        /**
         * The record the handler writes (also in a response entity or as a list's items),
         * if any.
         */
        @Nullable Class<?> recordResponse() {
            return recordOf(handler.getReturnType().getGenericParameterType());
        }

        private static @Nullable Class<?> recordOf(Type type) {
            if (type instanceof Class<?> raw) {
                return raw.isRecord() ? raw : null;
            }
            if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw
                    && (ResponseEntity.class.equals(raw) || Collection.class.isAssignableFrom(raw))) {
                return recordOf(generic.getActualTypeArguments()[0]);
            }
            return null;
        }

        boolean takesIfMatch() {
            return Arrays.stream(handler.getMethodParameters())
                .anyMatch(parameter -> parameter.getParameterType() == IfMatch.class);
        }

        @Override
        public String toString() {
            return method + " " + path + " (" + handler.getShortLogMessage() + ")";
        }
    }

}
