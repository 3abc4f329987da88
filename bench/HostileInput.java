import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.meedoen.platform.HostileInputs;

/**
 * Hostile input at scale against a running Meedoen: the larger run of
 * {@code nl.meedoen.platform.GeneratedInputIntegrationTests}. It reads the OpenAPI document ({@code /api/openapi}),
 * draws bad bodies, query parameters, path ids, odd paths and malformed JSON for every operation from a seeded
 * generator (the test's own {@code HostileInputs}, from {@code target/test-classes}), and sends each as the demo user whose role the
 * operation is for (the first of the demo users that is not refused with 403) and as the caseworker, without
 * {@code Accept-Language}. Between the rounds it calls {@code /actuator/health}, so the health check's requests/s
 * is measured in the same run.
 * <p>
 * It prints requests, operations, statuses by class, 5xx, errors on {@code /api/**} that are not
 * {@code application/problem+json}, English titles/details/field messages (compared with
 * {@code src/main/resources/messages_en.properties} when run from the repository root, and Spring's own English
 * phrases), and a table of what failed. It exits non-zero when anything failed.
 * <p>
 * It logs in through the login form (session cookie, CSRF token) like {@code SearchBenchmark}; HTTP Basic would
 * hash the password on every request. Usage, from the repository root, with the application running with its demo
 * data:
 * <pre>
 * ./mvnw -q test-compile
 * java -cp target/test-classes bench/HostileInput.java [--base-url http://localhost:8080] [--per-operation 120] [--seed 20]
 * </pre>
 * Only the JDK is needed.
 */
public class HostileInput {

    static final Map<String, String> DEMO_USERS = new LinkedHashMap<>();

    static {
        DEMO_USERS.put("begeleider", "CASEWORKER");
        DEMO_USERS.put("teamleider", "TEAM_LEAD");
        DEMO_USERS.put("beleid", "POLICY_OFFICER");
        DEMO_USERS.put("partner", "PARTNER");
        DEMO_USERS.put("privacy", "PRIVACY_OFFICER");
        DEMO_USERS.put("beheerder", "ADMIN");
        DEMO_USERS.put("coordinator", "VOLUNTEER_COORDINATOR");
    }

    static final List<String> ENGLISH_PHRASES = List.of("Required request", "Required path variable",
            "Required parameter", "is not present", "Failed to convert", "Failed to read", "Invalid request content",
            "Validation failed", "Validation failure", "not supported", "No static resource", "No endpoint",
            "Unexpected character", "Cannot deserialize", "Unrecognized field", "Cannot construct",
            "Unexpected end-of-input", "Internal Server Error", "Bad Request", "Not Acceptable", "Method Not Allowed",
            "Unsupported Media Type", "Precondition Failed", "Precondition Required", "Unprocessable Entity",
            "Content Too Large", "Payload Too Large", "Not Found", "Unauthorized");

    private static final Pattern CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    record Session(String user, HttpClient http, String csrf) {
    }

    record Failure(String operation, String kind, String user, String status, String reason) {
    }

    private final String baseUrl;

    private final Map<String, Session> sessions = new LinkedHashMap<>();

    private final Set<String> english = new LinkedHashSet<>(ENGLISH_PHRASES);

    private final Map<String, Integer> failures = new TreeMap<>();

    private final Map<String, String> examples = new LinkedHashMap<>();

    private final Map<String, Integer> statusClasses = new TreeMap<>();

    private int requests;

    private int serverErrors;

    private int notProblem;

    private int englishAnswers;

    private long apiNanos;

    HostileInput(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = "http://localhost:8080";
        int perOperation = 120;
        long seed = 20;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--base-url" -> baseUrl = args[i + 1].replaceAll("/$", "");
                case "--per-operation" -> perOperation = Integer.parseInt(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> fail("Usage: java bench/HostileInput.java [--base-url URL] [--per-operation N] [--seed S]");
            }
        }
        HostileInput run = new HostileInput(baseUrl);
        run.loadEnglish();
        for (String user : DEMO_USERS.keySet()) {
            run.sessions.put(user, run.logIn(user));
        }
        Session caseworker = run.sessions.get("begeleider");
        Map<String, Object> document = HostileInputs.map(Json.parse(run.send(caseworker, "GET", "/api/openapi", null,
                null).body()));
        List<HostileInputs.Operation> operations = HostileInputs.operations(document);
        HttpResponse<String> created = run.send(caseworker, "POST", "/api/v1/persons", "application/json",
                HostileInputs.Json.write(person()));
        Object personId = HostileInputs.map(Json.parse(created.body())).get("id");
        HostileInputs generator = new HostileInputs(document, new Random(seed),
                personId != null ? personId.toString() : null);
        System.out.printf(Locale.ROOT, "Hostile input against %s: %d operations, %d inputs each, seed %d%n", baseUrl,
                operations.size(), perOperation, seed);

        long healthNanos = 0;
        int healthRequests = 0;
        long started = System.nanoTime();
        for (HostileInputs.Operation operation : operations) {
            List<HostileInputs.Input> inputs = generator.generate(operation, perOperation);
            String roleUser = run.roleUser(operation, generator.plain(operation));
            Set<String> callers = new LinkedHashSet<>(List.of(roleUser, "begeleider"));
            for (HostileInputs.Input input : inputs) {
                for (String caller : callers) {
                    run.check(operation, input, run.sessions.get(caller));
                }
            }
            long began = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> health = caseworker.http()
                    .send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health")).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                healthRequests++;
                if (health.statusCode() != 200) {
                    fail("/actuator/health answered " + health.statusCode());
                }
            }
            healthNanos += System.nanoTime() - began;
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.printf(Locale.ROOT, "%nrequests          %,d (%d operations) in %.1f s%n", run.requests,
                operations.size(), seconds);
        System.out.printf(Locale.ROOT, "statuses          %s%n", run.statusClasses);
        System.out.printf(Locale.ROOT, "5xx               %,d%n", run.serverErrors);
        System.out.printf(Locale.ROOT, "non-problem error %,d%n", run.notProblem);
        System.out.printf(Locale.ROOT, "English answers   %,d%n", run.englishAnswers);
        System.out.printf(Locale.ROOT, "requests/s        %.1f hostile (one client) beside %.1f /actuator/health%n",
                run.requests / (run.apiNanos / 1e9), healthRequests / (healthNanos / 1e9));
        if (!run.failures.isEmpty()) {
            System.out.printf(Locale.ROOT, "%n%-62s %-15s %-12s %-7s %s%n", "operation", "input", "as", "status",
                    "reason (count; example input)");
            run.failures.forEach((key, count) -> System.out.printf(Locale.ROOT, "%s (%d; %s)%n", key, count,
                    run.examples.get(key)));
        }
        System.exit(run.failures.isEmpty() ? 0 : 1);
    }

    /** The first demo user, caseworker first, whom the operation does not refuse with 403. */
    String roleUser(HostileInputs.Operation operation, HostileInputs.Input probe) throws Exception {
        for (String user : DEMO_USERS.keySet()) {
            HttpResponse<String> response = send(this.sessions.get(user), operation.method().toUpperCase(),
                    probe.path(), probe.contentType(), probe.body());
            if (response.statusCode() != 403) {
                return user;
            }
        }
        return "begeleider";
    }

    void check(HostileInputs.Operation operation, HostileInputs.Input input, Session session) {
        HttpResponse<String> response;
        long began = System.nanoTime();
        try {
            response = send(session, operation.method().toUpperCase(), input.path(), input.contentType(),
                    input.body());
        }
        catch (Exception ex) {
            this.requests++;
            record(operation, input, session, "thrown", ex.getClass().getSimpleName());
            return;
        }
        finally {
            this.apiNanos += System.nanoTime() - began;
        }
        this.requests++;
        int status = response.statusCode();
        this.statusClasses.merge(status / 100 + "xx", 1, Integer::sum);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            this.serverErrors++;
            record(operation, input, session, String.valueOf(status), "server error");
        }
        if (status >= 400 && input.path().startsWith("/api/") && !type.startsWith("application/problem+json")) {
            this.notProblem++;
            record(operation, input, session, String.valueOf(status), "not a problem detail (" + type + ")");
        }
        else if (status >= 400) {
            String found = englishIn(response.body());
            if (found != null) {
                this.englishAnswers++;
                record(operation, input, session, String.valueOf(status), "English: " + HostileInputs.describe(found));
            }
        }
    }

    private String englishIn(String body) {
        Map<String, Object> problem;
        try {
            problem = HostileInputs.map(Json.parse(body));
        }
        catch (RuntimeException ex) {
            return "(not JSON)";
        }
        List<String> texts = new ArrayList<>();
        for (String field : List.of("title", "detail")) {
            if (problem.get(field) instanceof String text) {
                texts.add(text);
            }
        }
        for (Object error : HostileInputs.list(problem.get("errors"))) {
            if (HostileInputs.map(error).get("message") instanceof String text) {
                texts.add(text);
            }
        }
        for (String text : texts) {
            for (String phrase : this.english) {
                if (text.contains(phrase)) {
                    return text;
                }
            }
        }
        return null;
    }

    private void record(HostileInputs.Operation operation, HostileInputs.Input input, Session session, String status,
            String reason) {
        String key = String.format(Locale.ROOT, "%-62s %-15s %-12s %-7s %s", operation.name(), input.kind(),
                session.user(), status, reason);
        this.failures.merge(key, 1, Integer::sum);
        this.examples.putIfAbsent(key, input.input());
    }

    /** The English bundle's texts that differ from the Dutch ones, when run from the repository root. */
    void loadEnglish() throws IOException {
        Path en = Path.of("src/main/resources/messages_en.properties");
        Path nl = Path.of("src/main/resources/messages.properties");
        if (!Files.exists(en) || !Files.exists(nl)) {
            System.err.println("messages_en.properties not found: English is detected by Spring's phrases only");
            return;
        }
        Properties english = new Properties();
        Properties dutch = new Properties();
        try (var in = Files.newBufferedReader(en, StandardCharsets.UTF_8)) {
            english.load(in);
        }
        try (var in = Files.newBufferedReader(nl, StandardCharsets.UTF_8)) {
            dutch.load(in);
        }
        for (String key : english.stringPropertyNames()) {
            String text = english.getProperty(key);
            if (text.equals(dutch.getProperty(key))) {
                continue;
            }
            for (String part : text.split("\\{[^}]*\\}")) {
                String literal = part.strip();
                if (literal.length() >= 8 && literal.contains(" ") || key.startsWith("problem.title.")) {
                    this.english.add(literal);
                }
            }
        }
    }

    HttpResponse<String> send(Session session, String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, application/problem+json")
            .header("X-CSRF-TOKEN", session.csrf());
        if (List.of("PUT", "PATCH", "DELETE").contains(method)) {
            request.header("If-Match", "\"1\"");
        }
        if (body != null && contentType != null) {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return session.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in through the form, then reads the session's CSRF token from the start page. */
    Session logIn(String user) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/inloggen")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            fail("GET /inloggen answered " + page.statusCode() + "; is Meedoen running at " + this.baseUrl + "?");
        }
        String form = "username=" + encode(user) + "&password=demo&_csrf=" + encode(csrf(page.body()));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/inloggen"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            fail("Login as " + user + " failed (" + login.statusCode() + " " + location + "); the demo accounts "
                    + "exist when the application first started on an empty database with MEEDOEN_DEMO=true");
        }
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(this.baseUrl + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Session(user, http, csrf(home.body()));
    }

    private static String csrf(String html) {
        Matcher csrf = CSRF.matcher(html);
        if (!csrf.find()) {
            fail("The page has no _csrf field");
        }
        return csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
    }

    private static Map<String, Object> person() {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("givenName", "Fuzz");
        person.put("familyName", "Gegenereerd");
        person.put("dateOfBirth", "1988-04-12");
        person.put("category", "PERMIT_HOLDER");
        person.put("bsn", bsn(new Random()));
        person.put("countryOfBirth", "SY");
        person.put("languages", List.of("ar"));
        return person;
    }

    /** A random nine-digit number that passes the elfproef. */
    private static String bsn(Random random) {
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                digits[i] = (i == 0) ? 1 + random.nextInt(9) : random.nextInt(10);
                sum += (9 - i) * digits[i];
            }
            for (int last = 0; last < 10; last++) {
                if ((sum - last) % 11 == 0) {
                    digits[8] = last;
                    StringBuilder text = new StringBuilder();
                    for (int digit : digits) {
                        text.append(digit);
                    }
                    return text.toString();
                }
            }
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }

    /** Reads JSON into plain maps, lists, strings, numbers (as Double or Long), booleans and null. */
    static final class Json {

        private final String text;

        private int at;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw new IllegalArgumentException("trailing characters at " + json.at);
            }
            return value;
        }

        private Object value() {
            space();
            if (this.at >= this.text.length()) {
                throw new IllegalArgumentException("end of input");
            }
            char c = this.text.charAt(this.at);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                this.at++;
                space();
                if (peek() == '}') {
                    this.at++;
                    return object;
                }
                while (true) {
                    space();
                    String key = string();
                    space();
                    expect(':');
                    object.put(key, value());
                    space();
                    if (peek() == ',') {
                        this.at++;
                        continue;
                    }
                    expect('}');
                    return object;
                }
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                this.at++;
                space();
                if (peek() == ']') {
                    this.at++;
                    return list;
                }
                while (true) {
                    list.add(value());
                    space();
                    if (peek() == ',') {
                        this.at++;
                        continue;
                    }
                    expect(']');
                    return list;
                }
            }
            if (c == '"') {
                return string();
            }
            if (this.text.startsWith("true", this.at)) {
                this.at += 4;
                return Boolean.TRUE;
            }
            if (this.text.startsWith("false", this.at)) {
                this.at += 5;
                return Boolean.FALSE;
            }
            if (this.text.startsWith("null", this.at)) {
                this.at += 4;
                return null;
            }
            int start = this.at;
            while (this.at < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.at)) >= 0) {
                this.at++;
            }
            String number = this.text.substring(start, this.at);
            if (number.isEmpty()) {
                throw new IllegalArgumentException("unexpected " + c + " at " + start);
            }
            return number.matches("-?\\d+") && number.length() < 19 ? (Object) Long.parseLong(number)
                    : (Object) Double.parseDouble(number);
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = this.text.charAt(this.at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\') {
                    char escaped = this.text.charAt(this.at++);
                    switch (escaped) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'u' -> {
                            out.append((char) Integer.parseInt(this.text.substring(this.at, this.at + 4), 16));
                            this.at += 4;
                        }
                        default -> out.append(escaped);
                    }
                }
                else {
                    out.append(c);
                }
            }
        }

        private char peek() {
            return this.at < this.text.length() ? this.text.charAt(this.at) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected " + c + " at " + this.at);
            }
            this.at++;
        }

        private void space() {
            while (this.at < this.text.length() && Character.isWhitespace(this.text.charAt(this.at))) {
                this.at++;
            }
        }

    }

}
