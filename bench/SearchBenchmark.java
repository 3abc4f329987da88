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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person search latency of a running Meedoen, for one client and for sixteen concurrent clients. A benchmark, not
 * a test: it prints p50/p95/p99/max in milliseconds and the throughput of each scenario, and exits non-zero only
 * when it cannot log in or a request fails.
 * <p>
 * It logs in through the login form (session cookie, CSRF token) as a caseworker, as a browser does: HTTP Basic
 * would hash the password on every request (~60 ms of bcrypt), which would measure the password hashing, not
 * the search. The queries mix name prefixes of 2–5 letters and two-word queries (from a sample of the names the
 * dataset generator uses, nl.meedoen.datagen.Origins), exact BSN look-ups (BSNs seen in earlier answers) and
 * list pages without a query.
 * <p>
 * Usage, from the repository root, with the application running:
 * <pre>
 * java bench/SearchBenchmark.java [--base-url http://localhost:8080] [--user begeleider] [--password demo]
 *      [--requests 2000] [--warmup 500] [--clients 1,16] [--seed 42]
 * </pre>
 * Only the JDK is needed.
 */
public class SearchBenchmark {

    /** A sample of the generator's given and family names (nl.meedoen.datagen.Origins). */
    static final List<String> GIVEN = List.of("Mohammed", "Ahmad", "Mahmoud", "Fatima", "Rania", "Nour", "Yonas",
            "Tesfay", "Senait", "Selam", "Zahra", "Farid", "Nilofar", "Mehmet", "Ayşe", "Zeynep", "Abdulrahman", "Arwa",
            "Reza", "Maryam", "Oleksandr", "Olena", "Iryna", "Abdi", "Hodan", "Haider", "Zainab", "Youssef",
            "Khadija", "Rachid");

    static final List<String> FAMILY = List.of("Al-Hassan", "Haddad", "Khalil", "Darwish", "Al-Zoubi", "Mansour",
            "Tesfamariam", "Gebremedhin", "Haile", "Kidane", "Ahmadi", "Karimi", "Stanekzai", "Yılmaz", "Öztürk",
            "Çelik", "Al-Hakimi", "Al-Eryani", "Hosseini", "Moradi", "Shevchenko", "Kovalenko", "Melnyk", "Warsame",
            "Jama", "Al-Jubouri", "Al-Obaidi", "El Amrani", "Bennani", "Azzouzi");

    enum Kind {
        PREFIX("name prefix, 2-5 letters", 50), TWO_WORDS("two words", 20), BSN("exact BSN", 15),
        LIST("list page, no query", 15);

        final String label;

        final int weight;

        Kind(String label, int weight) {
            this.label = label;
            this.weight = weight;
        }
    }

    record Sample(Kind kind, long nanos) {
    }

    record Options(String baseUrl, String user, String password, int requests, int warmup, int[] clients,
            long seed) {
    }

    private static final Pattern CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private static final Pattern TOTAL = Pattern.compile("\"totalItems\"\\s*:\\s*(\\d+)");

    private static final Pattern BSN = Pattern.compile("\"bsn\"\\s*:\\s*\"(\\d{9})\"");

    private final Options options;

    private final HttpClient http;

    private final List<String> bsns = new ArrayList<>();

    private long totalPersons;

    SearchBenchmark(Options options) {
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
        SearchBenchmark benchmark = new SearchBenchmark(options);
        benchmark.logIn();
        benchmark.warmUp();
        System.out.printf(Locale.ROOT, "%nMeedoen person search, %s as %s: the municipality holds %,d persons "
                + "(not ended)%n", options.baseUrl(), options.user(), benchmark.totalPersons);
        System.out.printf(Locale.ROOT, "Query mix: %s; %,d requests per scenario after %,d warm-up requests%n%n",
                mix(), options.requests(), options.warmup());
        System.out.printf(Locale.ROOT, "%-11s %9s %7s %8s %8s %8s %8s %9s%n", "clients", "requests", "errors",
                "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s");
        boolean failed = false;
        Map<Integer, Map<Kind, List<Long>>> byKind = new LinkedHashMap<>();
        for (int clients : options.clients()) {
            Result result = benchmark.run(clients);
            long[] all = result.samples().stream().mapToLong(Sample::nanos).sorted().toArray();
            if (all.length == 0) {
                System.out.printf(Locale.ROOT, "%-11s %9d %7d  (no answers)%n", clients + " client(s)", 0,
                        result.errors());
                failed = true;
                continue;
            }
            System.out.printf(Locale.ROOT, "%-11s %9d %7d %8.1f %8.1f %8.1f %8.1f %9.1f%n",
                    clients + (clients == 1 ? " client" : " clients"), all.length, result.errors(),
                    ms(percentile(all, 50)), ms(percentile(all, 95)), ms(percentile(all, 99)), ms(all[all.length - 1]),
                    all.length / result.seconds());
            failed |= result.errors() > 0;
            Map<Kind, List<Long>> kinds = new EnumMap<>(Kind.class);
            result.samples().forEach(s -> kinds.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s.nanos()));
            byKind.put(clients, kinds);
        }
        System.out.printf(Locale.ROOT, "%nBy kind of query (p50 / p95 / p99 ms):%n");
        for (Map.Entry<Integer, Map<Kind, List<Long>>> scenario : byKind.entrySet()) {
            for (Map.Entry<Kind, List<Long>> kind : scenario.getValue().entrySet()) {
                long[] sorted = kind.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf(Locale.ROOT, "  %2d client(s)  %-26s %6d  %7.1f / %7.1f / %7.1f%n",
                        scenario.getKey(), kind.getKey().label, sorted.length, ms(percentile(sorted, 50)),
                        ms(percentile(sorted, 95)), ms(percentile(sorted, 99)));
            }
        }
        System.exit(failed ? 1 : 0);
    }

    /** Logs in through the form: the page gives the CSRF token and a session; the post authenticates it. */
    void logIn() throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(get("/inloggen"), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            fail("GET /inloggen answered " + page.statusCode() + "; is Meedoen running at " + options.baseUrl() + "?");
        }
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            fail("The login page has no _csrf field");
        }
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        String form = "username=" + encode(options.user()) + "&password=" + encode(options.password()) + "&_csrf="
                + encode(token);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/inloggen"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            fail("Login as " + options.user() + " failed (" + login.statusCode() + " " + location + "). The "
                    + "benchmark needs a caseworker account: the demo accounts (begeleider / demo) exist when the "
                    + "application first started on an empty database with MEEDOEN_DEMO=true.");
        }
        Matcher sessionCsrf = CSRF.matcher(http.send(get("/personen"), HttpResponse.BodyHandlers.ofString()).body());
        if (sessionCsrf.find()) {
            csrfToken = sessionCsrf.group(1) != null ? sessionCsrf.group(1) : sessionCsrf.group(2);
        }
        HttpResponse<String> check = http.send(get(search("", 0, 1)), HttpResponse.BodyHandlers.ofString());
        Matcher total = TOTAL.matcher(check.body());
        if (check.statusCode() != 200 || !total.find()) {
            fail("Logged in, but the person search answered " + check.statusCode()
                    + "; the account must be a caseworker or team lead");
        }
        totalPersons = Long.parseLong(total.group(1));
    }

    /** Warms the server up (JIT, caches, connection pools) and collects BSNs for the exact look-ups. */
    void warmUp() throws Exception {
        Random random = new Random(options.seed() ^ 0x5eed);
        int pages = (int) Math.max(1, Math.min(50, totalPersons / 20));
        for (int i = 0; i < 20 && bsns.size() < 400; i++) {
            collectBsns(http.send(get(search("", random.nextInt(pages), 20)), HttpResponse.BodyHandlers.ofString())
                .body());
        }
        if (bsns.isEmpty()) {
            fail("No person with a BSN found; generate the dataset first (./mvnw -Pdatagen spring-boot:run)");
        }
        Random queries = new Random(options.seed() ^ 0xbeef);
        for (int i = 0; i < options.warmup(); i++) {
            Query query = next(queries);
            HttpResponse<String> response = http.send(request(query), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                fail("Warm-up request " + query.path() + " answered " + response.statusCode());
            }
        }
    }

    record Result(List<Sample> samples, int errors, double seconds) {
    }

    /** {@code requests} searches spread over {@code clients} threads that each wait for their answer. */
    Result run(int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger errors = new AtomicInteger();
        int each = options.requests() / clients;
        int extra = options.requests() % clients;
        List<Future<List<Sample>>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int count = each + (c < extra ? 1 : 0);
            Random random = new Random(options.seed() * 31 + clients * 1000L + c);
            futures.add(pool.submit(() -> {
                List<Sample> samples = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    Query query = next(random);
                    long began = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request(query),
                                HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - began;
                        if (response.statusCode() != 200) {
                            if (errors.incrementAndGet() <= 5) {
                                System.err.println("HTTP " + response.statusCode() + " for " + query.path());
                            }
                        }
                        samples.add(new Sample(query.kind(), took));
                    }
                    catch (IOException ex) {
                        if (errors.incrementAndGet() <= 5) {
                            System.err.println(ex + " for " + query.path());
                        }
                    }
                }
                return samples;
            }));
        }
        List<Sample> all = new ArrayList<>();
        for (Future<List<Sample>> future : futures) {
            all.addAll(future.get());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(all, errors.get(), seconds);
    }

    /** A query; a BSN travels in the body of a POST (never in the address), the rest as a GET. */
    record Query(Kind kind, String path, String bsn) {

        Query(Kind kind, String path) {
            this(kind, path, "");
        }

    }

    Query next(Random random) {
        int draw = random.nextInt(100);
        Kind kind = Kind.LIST;
        for (Kind candidate : Kind.values()) {
            if (draw < candidate.weight) {
                kind = candidate;
                break;
            }
            draw -= candidate.weight;
        }
        return switch (kind) {
            case PREFIX -> new Query(kind, search(prefix(pick(random.nextBoolean() ? GIVEN : FAMILY, random), 2, 5,
                    random), 0, 20));
            case TWO_WORDS -> new Query(kind, search(prefix(pick(GIVEN, random), 2, 4, random) + " "
                    + prefix(pick(FAMILY, random), 2, 5, random), 0, 20));
            case BSN -> new Query(kind, "/api/v1/persons/search", pick(bsns, random));
            case LIST -> new Query(kind, search("", random.nextInt((int) Math.max(1, Math.min(50,
                    (totalPersons + 19) / 20))), 20));
        };
    }

    /** The first 2–5 letters of a name, the way someone types it (hyphens and spaces left out). */
    static String prefix(String name, int shortest, int longest, Random random) {
        String letters = name.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
        int length = Math.min(letters.length(), shortest + random.nextInt(longest - shortest + 1));
        return letters.substring(0, length);
    }

    static String search(String q, int page, int size) {
        return "/api/v1/persons?q=" + encode(q) + "&page=" + page + "&size=" + size;
    }

    private synchronized void collectBsns(String body) {
        Matcher matcher = BSN.matcher(body);
        while (matcher.find()) {
            bsns.add(matcher.group(1));
        }
    }

    /** The session's CSRF token, from a page after login: a POST on the API with a session needs it. */
    private String csrfToken = "";

    private HttpRequest request(Query query) {
        if (query.bsn().isEmpty()) {
            return get(query.path());
        }
        return HttpRequest.newBuilder(uri(query.path()))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("X-CSRF-TOKEN", csrfToken)
            .POST(HttpRequest.BodyPublishers.ofString("{\"bsn\":\"" + query.bsn() + "\",\"size\":20}"))
            .build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, text/html")
            .GET()
            .build();
    }

    private URI uri(String path) {
        return URI.create(options.baseUrl() + path);
    }

    static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
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

    static String mix() {
        List<String> parts = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            parts.add(kind.weight + "% " + kind.label);
        }
        return String.join(", ", parts);
    }

    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>(Map.of("--base-url", "http://localhost:8080", "--user",
                "begeleider", "--password", "demo", "--requests", "2000", "--warmup", "500", "--clients", "1,16",
                "--seed", "42"));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
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
                fail("Usage: java bench/SearchBenchmark.java [--base-url URL] [--user NAME] [--password PASSWORD] "
                        + "[--requests N] [--warmup N] [--clients 1,16] [--seed N]");
            }
            values.put(arg, value);
        }
        int[] clients = Arrays.stream(values.get("--clients").split(",")).map(String::strip)
            .mapToInt(Integer::parseInt).toArray();
        return new Options(values.get("--base-url").replaceAll("/+$", ""), values.get("--user"),
                values.get("--password"), Integer.parseInt(values.get("--requests")),
                Integer.parseInt(values.get("--warmup")), clients, Long.parseLong(values.get("--seed")));
    }

    static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
