package nl.meedoen.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Bad requests for one operation of the OpenAPI document, drawn from a seeded generator:
 * a body with one property replaced by a hostile value of its kind (control characters,
 * 100 KB strings, numbers for strings and strings for numbers, {@code 2147483648},
 * {@code 1e308}, {@code [null]}, huge lists, deep nesting, unknown enum values, dates as
 * numbers and at the ends of the calendar), malformed JSON, odd query parameters and odd
 * path ids. The document is read as plain maps and lists, so
 * {@code bench/HostileInput.java} uses this same generator from
 * {@code target/test-classes} without a JSON library.
 */
public final class HostileInputs {

    /** One generated request: what was changed ({@code input}) and the request itself. */
    public record Input(String kind, String input, String path, @Nullable String contentType, @Nullable String body) {
    }

    /**
     * An operation of the document: method, path template and its OpenAPI description.
     */
    public record Operation(String method, String path, Map<String, Object> spec) {

        public String name() {
            return this.method.toUpperCase() + " " + this.path;
        }

    }

    static final String NUL = "\u0000";

    private final Map<String, Object> document;

    private final Random random;

    private final @Nullable String personId;

    /**
     * A generator for the document; {@code personId}, when given, stands for every person
     * path variable, so bodies reach the services and the database rather than a 404.
     */
    public HostileInputs(Map<String, Object> document, Random random, @Nullable String personId) {
        this.document = document;
        this.random = random;
        this.personId = personId;
    }

    /** Every operation of the document, in the document's order. */
    public static List<Operation> operations(Map<String, Object> document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, Object> path : map(document.get("paths")).entrySet()) {
            for (Map.Entry<String, Object> operation : map(path.getValue()).entrySet()) {
                if (List.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                    operations.add(new Operation(operation.getKey(), path.getKey(), map(operation.getValue())));
                }
            }
        }
        return operations;
    }

    /** {@code count} bad requests for the operation, spread over what it takes. */
    public List<Input> generate(Operation operation, int count) {
        List<String> kinds = new ArrayList<>();
        Map<String, Object> body = jsonBodySchema(operation);
        @Nullable String otherType = otherBodyType(operation);
        if (body != null) {
            kinds.add("body");
            kinds.add("body");
            kinds.add("body");
            kinds.add("body");
            kinds.add("malformed JSON");
        }
        if (otherType != null) {
            kinds.add("raw body");
        }
        if (!parameters(operation, "query").isEmpty()) {
            kinds.add("query");
        }
        if (!parameters(operation, "path").isEmpty()) {
            kinds.add("path");
        }
        kinds.add("odd path");
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String kind = (i < kinds.size()) ? kinds.get(i) : kinds.get(this.random.nextInt(kinds.size()));
            inputs.add(switch (kind) {
                case "body" -> bodyInput(operation, body);
                case "malformed JSON" -> malformedInput(operation);
                case "raw body" -> rawInput(operation, otherType);
                case "query" -> queryInput(operation, body);
                case "path" -> pathInput(operation, body);
                default -> oddPathInput(operation, body);
            });
        }
        return inputs;
    }

    /** The operation as a well-formed request: plausible path variables and body. */
    public Input plain(Operation operation) {
        Map<String, Object> body = jsonBodySchema(operation);
        return new Input("plain", "plausible values", path(operation, Map.of()),
                (body != null) ? "application/json" : null, (body != null) ? Json.write(example(body, 0)) : null);
    }

    private Input bodyInput(Operation operation, Map<String, Object> schema) {
        Object valid = example(schema, 0);
        List<String> fields = new ArrayList<>();
        collectFields(schema, "", fields, 0);
        if (fields.isEmpty() || !(valid instanceof Map)) {
            Object hostile = hostile(schema);
            return new Input("body", "whole body = " + describe(hostile), path(operation, Map.of()), "application/json",
                    Json.write(hostile));
        }
        String field = fields.get(this.random.nextInt(fields.size()));
        Map<String, Object> fieldSchema = fieldSchema(schema, field);
        Object hostile = hostile(fieldSchema);
        replace(valid, field.split("\\."), hostile);
        return new Input("body", field + " = " + describe(hostile), path(operation, Map.of()), "application/json",
                Json.write(valid));
    }

    private Input malformedInput(Operation operation) {
        List<String> bodies = List.of("{", "{\"a\":", "[]", "null", "\"text\"", "{}{}", "{\"x\":1,}", "{'x':1}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":\"" + NUL + "\"", "\u00ff\u00fe{", "", "{\"a\":1e999999}",
                "{\"a\":" + "9".repeat(2000) + "}");
        String body = bodies.get(this.random.nextInt(bodies.size()));
        return new Input("malformed JSON", describe(body), path(operation, Map.of()), "application/json", body);
    }

    private Input rawInput(Operation operation, @Nullable String type) {
        List<String> bodies = List.of(NUL + NUL, "a,b,c\n" + "\"".repeat(3), "x".repeat(100_000), "\u0007\u001b;;\n");
        String body = bodies.get(this.random.nextInt(bodies.size()));
        return new Input("raw body", type + " " + describe(body), path(operation, Map.of()), type, body);
    }

    private Input queryInput(Operation operation, @Nullable Map<String, Object> body) {
        List<Map<String, Object>> parameters = parameters(operation, "query");
        Map<String, Object> parameter = parameters.get(this.random.nextInt(parameters.size()));
        Map<String, Object> schema = resolve(map(parameter.get("schema")));
        String value = String.valueOf(hostileText(schema));
        String name = String.valueOf(parameter.get("name"));
        String query = "?" + name + "=" + encode(value);
        return new Input("query", name + " = " + describe(value), path(operation, Map.of()) + query,
                body != null ? "application/json" : null, body != null ? Json.write(example(body, 0)) : null);
    }

    private Input pathInput(Operation operation, @Nullable Map<String, Object> body) {
        List<Map<String, Object>> parameters = parameters(operation, "path");
        String name = String.valueOf(parameters.get(this.random.nextInt(parameters.size())).get("name"));
        List<String> ids = List.of("%20", "0", uuid(), "..", "%2e%2e", "-1", "9223372036854775808", "%00", "a;b", "%2F",
                "x".repeat(2000), "null", "%C0%AF", "%E2%80%AE");
        String id = ids.get(this.random.nextInt(ids.size()));
        return new Input("path", "{" + name + "} = " + describe(id), path(operation, Map.of(name, id)),
                body != null ? "application/json" : null, body != null ? Json.write(example(body, 0)) : null);
    }

    private Input oddPathInput(Operation operation, @Nullable Map<String, Object> body) {
        String path = path(operation, Map.of());
        List<String> odd = List.of(path + ";jsessionid=x", path.replaceFirst("/api/", "/api//"),
                path.replaceFirst("/api/", "/api/./"), path + "/%2e%2e/x", path + "%00", path + "%2Fx", path + "/",
                path + "/" + "x".repeat(9000));
        String chosen = odd.get(this.random.nextInt(odd.size()));
        return new Input("odd path", describe(chosen.replace(path, "…")), chosen,
                body != null ? "application/json" : null, body != null ? Json.write(example(body, 0)) : null);
    }

    /** A hostile value for a property of this schema. */
    Object hostile(Map<String, Object> schema) {
        Map<String, Object> resolved = resolve(schema);
        String type = type(resolved);
        String format = String.valueOf(resolved.get("format"));
        List<Object> common = List.of(listOfNull(), nested(60), Collections.emptyMap());
        List<Object> values;
        if (resolved.containsKey("enum")) {
            values = List.of("NO_SUCH_VALUE", "", 1, true, NUL, "x".repeat(100_000));
        }
        else if ("string".equals(type) && ("date".equals(format) || "date-time".equals(format))) {
            values = List.of(2147483648L, 100000000, 0, -1, "0000-01-01", "9999-12-31", "+275760-09-13", "2024-02-30",
                    "gisteren", "2024-1-1", 1.5e308, "");
        }
        else if ("string".equals(type) && "uuid".equals(format)) {
            values = List.of("not-a-uuid", 0, "", uuid(), NUL, true);
        }
        else if ("string".equals(type)) {
            values = List.of(NUL, "a" + NUL + "b", "bell\u0007esc\u001b", "\u202Eevil", "x".repeat(100_000), 12345, 1.5,
                    true, "", " ", "\uD800");
        }
        else if ("integer".equals(type)) {
            values = List.of(2147483648L, -2147483649L, 1e308, 250.9, "abc", "12", true, -1, 0,
                    new java.math.BigInteger("9".repeat(40)));
        }
        else if ("number".equals(type)) {
            values = List.of(1e308, -1e308, "abc", true, "NaN", new java.math.BigDecimal("1e-400"));
        }
        else if ("boolean".equals(type)) {
            values = List.of("yes", 1, "true", 0);
        }
        else if ("array".equals(type)) {
            Object item = example(map(resolved.getOrDefault("items", Map.of())), 0);
            values = List.of(listOfNull(), Collections.nCopies(10_000, item), "not a list", List.of(List.of(item)),
                    List.of(item, NUL), Collections.nCopies(20, "x".repeat(10_000)));
        }
        else {
            values = List.of("not an object", 1, List.of(), nested(300));
        }
        List<Object> all = new ArrayList<>(values);
        all.addAll(common);
        all.add(null);
        return all.get(this.random.nextInt(all.size()));
    }

    private Object hostileText(Map<String, Object> schema) {
        Object value = hostile(schema);
        if (value == null || value instanceof Map || value instanceof List) {
            List<String> text = List.of(NUL, "%20", "", "2147483648", "1e308", "0000-01-01", "abc", "NO_SUCH_VALUE",
                    "x".repeat(10_000), "-1");
            return text.get(this.random.nextInt(text.size()));
        }
        return value;
    }

    /**
     * A plausible value for the schema: the rest of a body stays valid around the hostile
     * property.
     */
    Object example(Map<String, Object> schema, int depth) {
        Map<String, Object> resolved = resolve(schema);
        if (resolved.containsKey("enum")) {
            return list(resolved.get("enum")).get(0);
        }
        String type = type(resolved);
        String format = String.valueOf(resolved.get("format"));
        if (depth > 4) {
            return "string".equals(type) ? "Fuzz" : null;
        }
        return switch (type) {
            case "string" -> switch (format) {
                case "date" -> "2024-03-01";
                case "date-time" -> "2024-03-01T10:00:00+01:00";
                case "uuid" -> uuid();
                case "email" -> "fuzz@example.org";
                default -> "Fuzz";
            };
            case "integer" -> 1;
            case "number" -> 1.5;
            case "boolean" -> true;
            case "array" -> new ArrayList<>(List.of(example(map(resolved.getOrDefault("items", Map.of())), depth + 1)));
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (Map.Entry<String, Object> property : properties(resolved).entrySet()) {
                    object.put(property.getKey(), example(map(property.getValue()), depth + 1));
                }
                yield object;
            }
        };
    }

    private void collectFields(Map<String, Object> schema, String prefix, List<String> fields, int depth) {
        Map<String, Object> resolved = resolve(schema);
        for (Map.Entry<String, Object> property : properties(resolved).entrySet()) {
            String name = prefix + property.getKey();
            fields.add(name);
            Map<String, Object> child = resolve(map(property.getValue()));
            if (depth < 1 && "object".equals(type(child)) && !properties(child).isEmpty()) {
                collectFields(child, name + ".", fields, depth + 1);
            }
        }
    }

    private Map<String, Object> fieldSchema(Map<String, Object> schema, String field) {
        Map<String, Object> current = resolve(schema);
        for (String part : field.split("\\.")) {
            current = resolve(map(properties(current).get(part)));
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static void replace(Object body, String[] field, @Nullable Object value) {
        Map<String, Object> current = (Map<String, Object>) body;
        for (int i = 0; i < field.length - 1; i++) {
            Object next = current.get(field[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                current.put(field[i], next);
            }
            current = (Map<String, Object>) next;
        }
        current.put(field[field.length - 1], value);
    }

    private @Nullable Map<String, Object> jsonBodySchema(Operation operation) {
        Map<String, Object> content = map(map(operation.spec().get("requestBody")).get("content"));
        for (Map.Entry<String, Object> type : content.entrySet()) {
            if (type.getKey().contains("json")) {
                return map(map(type.getValue()).getOrDefault("schema", Map.of()));
            }
        }
        return null;
    }

    private static @Nullable String otherBodyType(Operation operation) {
        Map<String, Object> content = map(map(operation.spec().get("requestBody")).get("content"));
        return content.keySet().stream().filter(type -> !type.contains("json")).findFirst().orElse(null);
    }

    private List<Map<String, Object>> parameters(Operation operation, String in) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        for (Object parameter : list(operation.spec().get("parameters"))) {
            Map<String, Object> resolved = resolve(map(parameter));
            if (in.equals(resolved.get("in"))) {
                parameters.add(resolved);
            }
        }
        return parameters;
    }

    /**
     * The operation's path with a plausible value, or the given one, for each path
     * variable.
     */
    String path(Operation operation, Map<String, String> given) {
        String path = operation.path();
        for (Map<String, Object> parameter : parameters(operation, "path")) {
            String name = String.valueOf(parameter.get("name"));
            boolean person = "personId".equals(name) || path.contains("/persons/{" + name + "}");
            String value = given.containsKey(name) ? given.get(name) : (person && this.personId != null) ? this.personId
                    : encode(String.valueOf(example(map(parameter.get("schema")), 0)));
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    private Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> current = schema;
        for (int i = 0; i < 10 && current.get("$ref") instanceof String ref; i++) {
            Map<String, Object> target = this.document;
            for (String part : ref.substring(2).split("/")) {
                target = map(target.get(part));
            }
            current = target;
        }
        if (current.get("allOf") instanceof List<?> parts && !parts.isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>();
            Map<String, Object> properties = new LinkedHashMap<>();
            for (Object part : parts) {
                Map<String, Object> resolved = resolve(map(part));
                merged.putAll(resolved);
                properties.putAll(properties(resolved));
            }
            merged.remove("allOf");
            merged.put("properties", properties);
            return merged;
        }
        if (current.get("oneOf") instanceof List<?> options && !options.isEmpty()) {
            return resolve(map(options.get(0)));
        }
        return current;
    }

    /** A random UUID from the seeded generator, so a run can be replayed exactly. */
    private String uuid() {
        return new UUID(this.random.nextLong(), this.random.nextLong()).toString();
    }

    private static String type(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            type = types.stream().map(String::valueOf).filter(t -> !"null".equals(t)).findFirst().orElse("object");
        }
        return type != null ? type.toString() : (schema.containsKey("items") ? "array" : "object");
    }

    private static Map<String, Object> properties(Map<String, Object> schema) {
        return map(schema.get("properties"));
    }

    private static List<@Nullable Object> listOfNull() {
        List<@Nullable Object> list = new ArrayList<>();
        list.add(null);
        return list;
    }

    private static Object nested(int depth) {
        Object value = "deep";
        for (int i = 0; i < depth; i++) {
            value = Map.of("nested", value);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(@Nullable Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(@Nullable Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * A short, printable description of a value: control characters escaped, long values
     * shortened.
     */
    public static String describe(@Nullable Object value) {
        String text = value instanceof String string ? "\"" + string + "\"" : Json.write(value);
        StringBuilder shown = new StringBuilder();
        for (char c : text.toCharArray()) {
            shown.append(c < 0x20 || c == 0x7f || (c >= 0x202a && c <= 0x202e) || Character.isSurrogate(c)
                    ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return (shown.length() > 60) ? shown.substring(0, 40) + "…(" + text.length() + " chars)" : shown.toString();
    }

    /** Writes plain maps, lists, strings, numbers and booleans as JSON. */
    public static final class Json {

        private Json() {
        }

        public static String write(@Nullable Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(@Nullable Object value, StringBuilder out) {
            if (value == null) {
                out.append("null");
            }
            else if (value instanceof String text) {
                out.append('"');
                for (char c : text.toCharArray()) {
                    switch (c) {
                        case '"' -> out.append("\\\"");
                        case '\\' -> out.append("\\\\");
                        case '\n' -> out.append("\\n");
                        default -> out.append(c < 0x20 || Character.isSurrogate(c) ? String.format("\\u%04x", (int) c)
                                : String.valueOf(c));
                    }
                }
                out.append('"');
            }
            else if (value instanceof Map<?, ?> map) {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(first ? "" : ",");
                    first = false;
                    write(String.valueOf(entry.getKey()), out);
                    out.append(':');
                    write(entry.getValue(), out);
                }
                out.append('}');
            }
            else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(list.get(i), out);
                }
                out.append(']');
            }
            else if (value instanceof Double number) {
                out.append(number.isInfinite() || number.isNaN() ? "1e999" : String.valueOf(number));
            }
            else if (value instanceof java.math.BigDecimal number) {
                out.append(number.toString());
            }
            else {
                out.append(value);
            }
        }

    }

}
