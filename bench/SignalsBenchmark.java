import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signals benchmark: the nightly full evaluation over the whole dataset, and the
 * caseworker's worklist page. Needs only the JDK:
 *
 * <pre>
 * java bench/SignalsBenchmark.java [--base-url http://localhost:8080] [--admin beheerder] \
 *      [--user begeleider.2001.1] [--password demo] [--requests 1000] [--warmup 200] [--runs 1] \
 *      [--worklist /signalen] [--skip-evaluation]
 * </pre>
 *
 * Logs in through the login form like a browser (a session, never HTTP Basic, which would
 * hash the password with bcrypt on every request). As the ADMIN it starts the full
 * evaluation ({@code POST /api/v1/signals/evaluation}, with the session's CSRF token) and
 * prints the persons evaluated, signals raised and resolved, and the seconds it took; with
 * {@code --runs 2} a second run shows the cost of a night without changes. Then, as the
 * caseworker, it requests the worklist page and prints p50/p95/p99 and the throughput, and
 * the throughput of {@code /actuator/health} measured in the same run, with the ratio
 * between them. Every answer must be 200; errors make the exit code non-zero.
 */
public class SignalsBenchmark {

    record Options(String baseUrl, String admin, String user, String password, int requests, int warmup, int runs,
            String worklist, boolean evaluate) {
    }

    private static final Pattern CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private static final Pattern NUMBER = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\\d+)");

    private final Options options;

    SignalsBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        SignalsBenchmark benchmark = new SignalsBenchmark(options);
        boolean failed = false;
        if (options.evaluate()) {
            HttpClient admin = client();
            String token = benchmark.logIn(admin, options.admin());
            System.out.printf(Locale.ROOT, "%nNightly full evaluation, %s as %s%n", options.baseUrl(), options.admin());
            System.out.printf(Locale.ROOT, "%-5s %12s %10s %10s %9s%n", "run", "evaluated", "raised", "resolved",
                    "seconds");
            for (int run = 1; run <= options.runs(); run++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = admin.send(HttpRequest.newBuilder(benchmark.uri("/api/v1/signals/evaluation"))
                    .timeout(Duration.ofMinutes(30))
                    .header("X-CSRF-TOKEN", token)
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
                double seconds = (System.nanoTime() - start) / 1e9;
                if (answer.statusCode() != 200) {
                    System.out.printf(Locale.ROOT, "%-5d answered %d after %.1f s: %s%n", run, answer.statusCode(),
                            seconds, answer.body());
                    failed = true;
                    continue;
                }
                Map<String, Long> numbers = numbers(answer.body());
                System.out.printf(Locale.ROOT, "%-5d %,12d %,10d %,10d %9.1f%n", run,
                        numbers.getOrDefault("evaluatedPersons", -1L), numbers.getOrDefault("raised", -1L),
                        numbers.getOrDefault("resolved", -1L), seconds);
                if (answer.body().contains("\"rules\"") || answer.body().contains("\"timings\"")) {
                    System.out.println("      " + answer.body());
                }
            }
        }
        if (options.user() != null) {
            failed |= benchmark.worklist();
        }
        System.exit(failed ? 1 : 0);
    }

    /** The worklist page for the caseworker, then /actuator/health, in one run. */
    boolean worklist() throws Exception {
        HttpClient http = client();
        logIn(http, options.user());
        for (int i = 0; i < options.warmup(); i++) {
            HttpResponse<String> page = http.send(get(options.worklist()), HttpResponse.BodyHandlers.ofString());
            if (page.statusCode() != 200) {
                fail("GET " + options.worklist() + " answered " + page.statusCode());
            }
        }
        HttpClient anonymous = client();
        for (int i = 0; i < options.warmup(); i++) {
            anonymous.send(get("/actuator/health"), HttpResponse.BodyHandlers.discarding());
        }
        Result pages = measure(http, options.worklist());
        Result health = measure(anonymous, "/actuator/health");
        System.out.printf(Locale.ROOT, "%nWorklist page %s as %s, %,d requests after %,d warm-up requests, one "
                + "client%n", options.worklist(), options.user(), options.requests(), options.warmup());
        System.out.printf(Locale.ROOT, "%-18s %9s %7s %8s %8s %8s %8s %9s%n", "", "requests", "errors", "p50 ms",
                "p95 ms", "p99 ms", "max ms", "req/s");
        pages.print("worklist page");
        health.print("/actuator/health");
        System.out.printf(Locale.ROOT, "Ratio of throughput, worklist page / health: %.3f (health is %.1f times "
                + "as fast)%n", pages.perSecond() / health.perSecond(), health.perSecond() / pages.perSecond());
        return pages.errors() > 0 || health.errors() > 0;
    }

    record Result(long[] sorted, int errors, double seconds) {

        double perSecond() {
            return sorted.length / seconds;
        }

        void print(String label) {
            System.out.printf(Locale.ROOT, "%-18s %9d %7d %8.1f %8.1f %8.1f %8.1f %9.1f%n", label, sorted.length,
                    errors, ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)),
                    ms(sorted[sorted.length - 1]), perSecond());
        }
    }

    Result measure(HttpClient http, String path) throws Exception {
        List<Long> samples = new ArrayList<>();
        int errors = 0;
        long begin = System.nanoTime();
        for (int i = 0; i < options.requests(); i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> answer = http.send(get(path), HttpResponse.BodyHandlers.ofByteArray());
            long took = System.nanoTime() - start;
            if (answer.statusCode() == 200) {
                samples.add(took);
            }
            else {
                errors++;
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new Result(samples.stream().mapToLong(Long::longValue).sorted().toArray(), errors, seconds);
    }

    /** Logs in through the form; returns the session's CSRF token for the API. */
    String logIn(HttpClient http, String user) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(get("/inloggen"), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            fail("GET /inloggen answered " + page.statusCode() + "; is Meedoen running at " + options.baseUrl() + "?");
        }
        String form = "username=" + encode(user) + "&password=" + encode(options.password()) + "&_csrf="
                + encode(csrf(page.body()));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/inloggen"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            fail("Login as " + user + " failed (" + login.statusCode() + " " + location + "). The dataset "
                    + "generator makes caseworkers begeleider.<code>.<n> with password demo.");
        }
        HttpResponse<String> start = http.send(get("/"), HttpResponse.BodyHandlers.ofString());
        return csrf(start.body());
    }

    private static String csrf(String html) {
        Matcher csrf = CSRF.matcher(html);
        if (!csrf.find()) {
            fail("The page has no _csrf field");
        }
        return csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
    }

    static HttpClient client() {
        return HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    URI uri(String path) {
        return URI.create(options.baseUrl() + path);
    }

    static Map<String, Long> numbers(String json) {
        Map<String, Long> numbers = new LinkedHashMap<>();
        Matcher matcher = NUMBER.matcher(json);
        while (matcher.find()) {
            numbers.putIfAbsent(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        return numbers;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>(Map.of("--base-url", "http://localhost:8080", "--admin",
                "beheerder", "--user", "", "--password", "demo", "--requests", "1000", "--warmup", "200", "--runs",
                "1", "--worklist", "/signalen"));
        boolean evaluate = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--skip-evaluation")) {
                evaluate = false;
                continue;
            }
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
                arg = arg.substring(0, arg.indexOf('='));
            }
            else if (i + 1 < args.length) {
                value = args[++i];
            }
            else {
                value = null;
            }
            if (!values.containsKey(arg) || value == null) {
                fail("Usage: java bench/SignalsBenchmark.java [--base-url URL] [--admin NAME] [--user CASEWORKER] "
                        + "[--password PASSWORD] [--requests N] [--warmup N] [--runs N] [--worklist PATH] "
                        + "[--skip-evaluation]");
            }
            values.put(arg, value);
        }
        String user = values.get("--user");
        return new Options(values.get("--base-url").replaceAll("/+$", ""), values.get("--admin"),
                user.isBlank() ? null : user, values.get("--password"), Integer.parseInt(values.get("--requests")),
                Integer.parseInt(values.get("--warmup")), Integer.parseInt(values.get("--runs")),
                values.get("--worklist"), evaluate);
    }

    static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }

}
