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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast are the pages a caseworker uses most, against the application's own ceiling? Measures, one scenario after
 * the other and each for every number of clients: {@code /actuator/health} (the ceiling: the same server, filter
 * chain and connection handling, no work), a person's file page {@code /personen/{id}}, the API's
 * {@code GET /api/v1/persons/{id}} with an API token, the person list page {@code /personen} (random pages of the
 * first 40) and the name search of the API ({@code /api/v1/persons?q=…}, 2–5 letter prefixes of names in the
 * municipality), then the ceiling again. Prints requests, errors, p50/p95/p99, requests per second and the ratio of
 * each scenario's throughput to the mean of the two ceiling runs with the same number of clients — a measure of a
 * page's own cost that holds on a machine shared with other work.
 * <p>
 * The caseworker logs in through the login form (a session cookie, as a browser; HTTP Basic would measure bcrypt),
 * issues itself a personal API token for the API scenario (kept for the run, expiring tomorrow) and collects person
 * ids and names from its own list. Every file page and API read writes its processing-log entry, as in use.
 * <p>
 * Usage, from the repository root, with the application running (packaged: {@code java -jar target/…jar}):
 * <pre>
 * java bench/PageBenchmark.java [--base-url http://localhost:8080] [--user begeleider.2001.1] [--password demo]
 *      [--requests 2000] [--warmup 300] [--clients 1,16] [--scenarios file,api,list,search] [--seed 42]
 * </pre>
 * Exit code 0 when every request answered 200, 1 otherwise, 2 when the setup failed.
 */
public class PageBenchmark {

    private static final Pattern CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private static final Pattern NAME = Pattern.compile("\"(?:givenNames|familyName)\"\\s*:\\s*\"([^\"]+)\"");

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    record Options(String baseUrl, String user, String password, int requests, int warmup, int[] clients,
            List<String> scenarios, long seed) {
    }

    /** One kind of request: its name, and the request a client sends next. */
    record Scenario(String name, Function<Random, HttpRequest> next) {
    }

    record Result(long[] sortedNanos, int errors, double seconds) {

        double perSecond() {
            return sortedNanos.length / seconds;
        }

    }

    private final Options options;

    private final HttpClient http;

    private final List<String> ids = new ArrayList<>();

    private final List<String> names = new ArrayList<>();

    private String csrfToken = "";

    private String apiToken = "";

    PageBenchmark(Options options) {
        this.options = options;
        this.http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    }

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        PageBenchmark benchmark = new PageBenchmark(options);
        benchmark.logIn();
        benchmark.collect();
        Map<String, Scenario> all = new LinkedHashMap<>();
        all.put("file", new Scenario("file page /personen/{id}",
                r -> benchmark.page("/personen/" + pick(benchmark.ids, r))));
        all.put("api", new Scenario("GET /api/v1/persons/{id}",
                r -> benchmark.api("/api/v1/persons/" + pick(benchmark.ids, r))));
        all.put("list", new Scenario("list page /personen", r -> benchmark.page("/personen?pagina=" + r.nextInt(40))));
        all.put("search", new Scenario("search /api/v1/persons?q=",
                r -> benchmark.api("/api/v1/persons?q=" + encode(prefix(pick(benchmark.names, r), r)) + "&size=20")));
        Scenario health = new Scenario("/actuator/health (ceiling)", r -> benchmark.page("/actuator/health"));
        List<Scenario> chosen = new ArrayList<>();
        for (String name : options.scenarios()) {
            if (!all.containsKey(name)) {
                fail("Unknown scenario " + name + "; choose from " + all.keySet());
            }
            chosen.add(all.get(name));
        }
        System.out.printf(Locale.ROOT, "%nMeedoen pages, %s as %s: %,d persons collected; %,d requests per scenario "
                + "and client count after %,d warm-up requests%n%n", options.baseUrl(), options.user(),
                benchmark.ids.size(), options.requests(), options.warmup());
        for (Scenario scenario : chosen) {
            benchmark.run(scenario, 16, options.warmup());
        }
        benchmark.run(health, 16, options.warmup());
        System.out.printf(Locale.ROOT, "%-30s %7s %8s %6s %8s %8s %8s %9s %8s%n", "scenario", "clients", "requests",
                "errors", "p50 ms", "p95 ms", "p99 ms", "req/s", "ceiling");
        boolean failed = false;
        Map<Integer, List<Result>> ceilings = new LinkedHashMap<>();
        Map<String, Result> results = new LinkedHashMap<>();
        for (int clients : options.clients()) {
            Result before = benchmark.run(health, clients, options.requests());
            print(health.name() + " before", clients, before, Double.NaN);
            List<Result> scenarioResults = new ArrayList<>();
            for (Scenario scenario : chosen) {
                scenarioResults.add(benchmark.run(scenario, clients, options.requests()));
            }
            Result after = benchmark.run(health, clients, options.requests());
            ceilings.put(clients, List.of(before, after));
            double ceiling = (before.perSecond() + after.perSecond()) / 2;
            for (int i = 0; i < chosen.size(); i++) {
                Result result = scenarioResults.get(i);
                print(chosen.get(i).name(), clients, result, result.perSecond() / ceiling);
                failed |= result.errors() > 0;
                results.put(chosen.get(i).name() + "@" + clients, result);
            }
            print(health.name() + " after", clients, after, Double.NaN);
            failed |= before.errors() > 0 || after.errors() > 0;
        }
        System.out.printf(Locale.ROOT, "%nceiling = the mean of /actuator/health before and after, same clients%n");
        int[] clients = options.clients();
        if (clients.length > 1) {
            int first = clients[0];
            int last = clients[clients.length - 1];
            System.out.printf(Locale.ROOT, "%nScaling from %d to %d clients (throughput ×):%n", first, last);
            for (Scenario scenario : chosen) {
                Result a = results.get(scenario.name() + "@" + first);
                Result b = results.get(scenario.name() + "@" + last);
                System.out.printf(Locale.ROOT, "  %-30s %5.2f%n", scenario.name(), b.perSecond() / a.perSecond());
            }
            double ha = ceilings.get(first).stream().mapToDouble(Result::perSecond).average().orElse(1);
            double hb = ceilings.get(last).stream().mapToDouble(Result::perSecond).average().orElse(1);
            System.out.printf(Locale.ROOT, "  %-30s %5.2f%n", health.name(), hb / ha);
        }
        System.exit(failed ? 1 : 0);
    }

    static void print(String name, int clients, Result result, double ratio) {
        long[] s = result.sortedNanos();
        if (s.length == 0) {
            System.out.printf(Locale.ROOT, "%-30s %7d %8d %6d  (no answers)%n", name, clients, 0, result.errors());
            return;
        }
        System.out.printf(Locale.ROOT, "%-30s %7d %8d %6d %8.1f %8.1f %8.1f %9.1f %8s%n", name, clients, s.length,
                result.errors(), ms(percentile(s, 50)), ms(percentile(s, 95)), ms(percentile(s, 99)),
                result.perSecond(), Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, "%.1f %%", ratio * 100));
    }

    /** Logs in through the form, then issues a personal API token with the session. */
    void logIn() throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(page("/inloggen"), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            fail("GET /inloggen answered " + page.statusCode() + "; is Meedoen running at " + options.baseUrl() + "?");
        }
        String token = csrf(page.body());
        String form = "username=" + encode(options.user()) + "&password=" + encode(options.password()) + "&_csrf="
                + encode(token);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/inloggen"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            fail("Login as " + options.user() + " failed (" + login.statusCode() + " " + location + ")");
        }
        csrfToken = csrf(http.send(page("/personen"), HttpResponse.BodyHandlers.ofString()).body());
        String body = "{\"name\":\"page benchmark\",\"expiresOn\":\"" + LocalDate.now().plusDays(1) + "\"}";
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(uri("/api/v1/tokens"))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("X-CSRF-TOKEN", csrfToken)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
        Matcher matcher = TOKEN.matcher(issued.body());
        if (issued.statusCode() != 201 || !matcher.find()) {
            fail("POST /api/v1/tokens answered " + issued.statusCode() + ": " + issued.body());
        }
        apiToken = matcher.group(1);
    }

    /** Person ids and names from the caseworker's list: the files it opens and the names it searches for. */
    void collect() throws IOException, InterruptedException {
        for (int page = 0; page < 50 && ids.size() < 1000; page++) {
            HttpResponse<String> response = http.send(api("/api/v1/persons?page=" + page * 7 + "&size=20"),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                fail("The person list of the API answered " + response.statusCode());
            }
            Matcher id = ID.matcher(response.body());
            while (id.find()) {
                ids.add(id.group(1));
            }
            Matcher name = NAME.matcher(response.body());
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        if (ids.isEmpty() || names.isEmpty()) {
            fail("The caseworker sees no persons");
        }
    }

    /** {@code requests} requests of a scenario spread over {@code clients} threads that each wait for their answer. */
    Result run(Scenario scenario, int clients, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger errors = new AtomicInteger();
        List<Future<long[]>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int count = requests / clients + (c < requests % clients ? 1 : 0);
            Random random = new Random(options.seed() * 31 + clients * 1000L + c);
            futures.add(pool.submit(() -> {
                long[] samples = new long[count];
                int n = 0;
                for (int i = 0; i < count; i++) {
                    HttpRequest request = scenario.next().apply(random);
                    long began = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        samples[n++] = System.nanoTime() - began;
                        if (response.statusCode() != 200 && errors.incrementAndGet() <= 5) {
                            System.err.println("HTTP " + response.statusCode() + " for " + request.uri());
                        }
                    }
                    catch (IOException ex) {
                        if (errors.incrementAndGet() <= 5) {
                            System.err.println(ex + " for " + request.uri());
                        }
                    }
                }
                return Arrays.copyOf(samples, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> future : futures) {
            parts.add(future.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all, errors.get(), seconds);
    }

    HttpRequest page(String path) {
        return HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "text/html, application/json")
            .GET()
            .build();
    }

    HttpRequest api(String path) {
        return HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + apiToken)
            .GET()
            .build();
    }

    private URI uri(String path) {
        return URI.create(options.baseUrl() + path);
    }

    private static String csrf(String html) {
        Matcher csrf = CSRF.matcher(html);
        if (!csrf.find()) {
            fail("The page has no _csrf field");
        }
        return csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
    }

    /** The first 2–5 letters of a name, the way someone types it. */
    static String prefix(String name, Random random) {
        String letters = name.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
        return letters.substring(0, Math.min(letters.length(), 2 + random.nextInt(4)));
    }

    static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>(Map.of("--base-url", "http://localhost:8080", "--user",
                "begeleider.2001.1", "--password", "demo", "--requests", "2000", "--warmup", "300", "--clients",
                "1,16", "--scenarios", "file,api,list,search", "--seed", "42"));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
                arg = arg.substring(0, arg.indexOf('='));
            }
            else if (i + 1 < args.length) {
                value = args[++i];
            }
            if (!values.containsKey(arg) || value == null) {
                fail("Usage: java bench/PageBenchmark.java [--base-url URL] [--user NAME] [--password PASSWORD] "
                        + "[--requests N] [--warmup N] [--clients 1,16] [--scenarios file,api,list,search] "
                        + "[--seed N]");
            }
            values.put(arg, value);
        }
        int[] clients = Arrays.stream(values.get("--clients").split(",")).map(String::strip)
            .mapToInt(Integer::parseInt).toArray();
        return new Options(values.get("--base-url").replaceAll("/+$", ""), values.get("--user"),
                values.get("--password"), Integer.parseInt(values.get("--requests")),
                Integer.parseInt(values.get("--warmup")), clients, List.of(values.get("--scenarios").split(",")),
                Long.parseLong(values.get("--seed")));
    }

    static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }

}
