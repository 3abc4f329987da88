package nl.meedoen.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * Lists on every operation of the API reference the errors it can answer, each with the
 * one {@code Problem} schema (RFC 9457 with {@code errors} and {@code traceId}): 400, 403
 * and 404 everywhere; 409 and 422 on an operation that changes something; 412 and 428
 * where the handler takes {@link IfMatch}. A response the controller describes itself
 * keeps its description.
 */
class ErrorResponsesInReference implements OperationCustomizer {

    static final String SCHEMA = "Problem";

    private static final String PROBLEM_JSON = "application/problem+json";

    private static final String REFERENCE = "#/components/schemas/" + SCHEMA;

    private static final Map<Integer, String> DESCRIPTIONS = Map.of(400,
            "Invalid input: a value of the wrong type, an unknown choice or a broken rule, one `errors` entry per field",
            403, "The caller's role may not use this operation", 404, "No such record in the caller's municipality",
            409, "Clashes with the current state (a duplicate, an illegal step)", 412,
            "`If-Match` names a version that is not the current one, or no version at all", 422,
            "A business rule forbids the request as it stands", 428, "`If-Match` is missing");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        for (int status : statuses(handler)) {
            ApiResponse response = responses.computeIfAbsent(String.valueOf(status),
                    code -> new ApiResponse().description(DESCRIPTIONS.get(status)));
            if (response.getContent() == null || response.getContent().isEmpty()) {
                response.content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(REFERENCE))));
            }
        }
        operation.setResponses(responses);
        return operation;
    }

    private static Set<Integer> statuses(HandlerMethod handler) {
        Set<Integer> statuses = new TreeSet<>(List.of(400, 403, 404));
        boolean reads = handler.hasMethodAnnotation(GetMapping.class);
        if (!reads) {
            statuses.addAll(List.of(409, 422));
        }
        if (IfMatchInReference.takesIfMatch(handler)) {
            statuses.addAll(List.of(412, 428));
        }
        return statuses;
    }

    /** The problem details every error answers with, added to the reference's schemas. */
    static Components withProblemSchema(Components components) {
        Map<String, Schema> fieldError = new LinkedHashMap<>();
        fieldError.put("field", new StringSchema().description("The field, e.g. `dateOfBirth` or `members[0].bsn`"));
        fieldError.put("message", new StringSchema().description("What is wrong, in the caller's language"));
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().example("about:blank"));
        properties.put("title", new StringSchema().description("The status in words, in the caller's language"));
        properties.put("status", new IntegerSchema());
        properties.put("detail", new StringSchema().description("What went wrong, in the caller's language"));
        properties.put("instance", new StringSchema().description("The path of the request"));
        properties.put("traceId", new StringSchema().description("The request's trace id (header `X-Request-Id`)"));
        properties.put("errors", new ArraySchema().items(new ObjectSchema().properties(fieldError))
            .description("Validation errors (400), one per field"));
        return components.addSchemas(SCHEMA,
                new ObjectSchema().properties(properties)
                    .required(List.of("type", "title", "status", "detail"))
                    .description("RFC 9457 problem details"));
    }

}
