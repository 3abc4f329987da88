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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Does Meedoen hold up under a working day's mixed load? For a number of minutes (default 10) a number of clients
 * (default 16) of one caseworker each send, one after the other: name searches of the API (35 %), file pages
 * {@code /personen/{id}} (30 %), plan goals added (15 %), referrals created and sent (10 %: two requests), new persons
 * (5 %) and buddy contacts (5 %). Writes go to the persons the run itself created, so the caseworker's existing files
 * are only read and a plan never grows without bound. Beside the load one client asks {@code /actuator/health} without
 * pause: its p95 in the same minute is the machine's own noise, printed next to the mix's p95.
 * <p>
 * Every minute it prints the requests, errors, p50/p95 of the mix, the health probe's p95, the heap in use (from
 * {@code /actuator/prometheus}, read by an administrator) and the load average. At the end three verdicts, as the
 * service's soak target asks: no errors; the heap never above 512 MB; the last minute's p95 within 20 % of the first's.
 * <p>
 * Usage, from the repository root, with the application running (packaged: {@code java -jar target/…jar}):
 * <pre>
 * java bench/Soak.java [--base-url http://localhost:8080] [--user begeleider] [--password demo]
 *      [--admin beheerder] [--admin-password demo] [--minutes 10] [--clients 16] [--warmup-seconds 30]
 * </pre>
 * Exit code 0 when all three verdicts hold, 1 when one fails, 2 when the setup failed.
 */
public class Soak {

    private static final Pattern CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private static final Pattern NAME = Pattern.compile("\"(?:givenNames|familyName)\"\\s*:\\s*\"([^\"]+)\"");

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private static final Pattern HEAP = Pattern
        .compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+([0-9.eE+]+)");

    private static final long HEAP_LIMIT = 512L * 1024 * 1024;

    record Options(String baseUrl, String user, String password, String admin, String adminPassword, int minutes,
            int clients, int warmupSeconds) {
    }

    /** One answered request: when it ended (ms since the measured start), how long it took, whether it failed. */
    record Sample(long endedMillis, long nanos, boolean error) {
    }

    /** A logged-in user: its session (pages) and its personal API token. */
    record Session(HttpClient http, String base, String token) {

        HttpRequest.Builder api(String path) {
            return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
        }

        HttpRequest page(String path) {
            return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html")
                .GET()
                .build();
        }

    }

    private final Options options;

    private final List<String> readIds = new ArrayList<>();

    private final List<String> names = new ArrayList<>();

    private final List<String> ownPersons = new CopyOnWriteArrayList<>();

    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<Sample> probe = new ConcurrentLinkedQueue<>();

    private final AtomicInteger counter = new AtomicInteger();

    private final AtomicInteger errorsShown = new AtomicInteger();

    private Session caseworker;

    private Session administrator;

    private String provision;

    private volatile long startNanos;

    private volatile boolean running = true;

    Soak(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Soak soak = new Soak(parse(args));
        soak.setUp();
        System.exit(soak.run() ? 0 : 1);
    }

    void setUp() throws IOException, InterruptedException {
        caseworker = logIn(options.user(), options.password());
        administrator = logIn(options.admin(), options.adminPassword());
        for (int page = 0; page < 25 && readIds.size() < 500; page++) {
            String body = send(caseworker.api("/api/v1/persons?page=" + page * 3 + "&size=20").GET().build());
            readIds.addAll(all(ID, body));
            names.addAll(all(NAME, body));
        }
        if (readIds.isEmpty() || names.isEmpty()) {
            fail("The caseworker " + options.user() + " sees no persons");
        }
        List<String> provisions = all(ID, send(caseworker.api("/api/v1/provisions").GET().build()));
        if (provisions.isEmpty()) {
            fail("The provision directory is empty");
        }
        provision = provisions.get(0);
        if (heapBytes() < 0) {
            fail("No heap figure in /actuator/prometheus for " + options.admin());
        }
    }

    private final long seed = System.nanoTime();

    boolean run() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(options.clients() + 1);
        long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        startNanos = warmupEnd;
        for (int c = 0; c < options.clients(); c++) {
            // a seed of this run: a fixed one made the same BSNs in every run, so a second
            // run on the same database had every new person refused as a duplicate
            Random random = new Random(seed + c);
            pool.submit(() -> {
                while (running) {
                    one(random);
                }
                return null;
            });
        }
        pool.submit(() -> {
            while (running) {
                long began = System.nanoTime();
                boolean error;
                try {
                    // asked for JSON, as a load balancer does: asked for text/html only, the
                    // health endpoint answers 406, and the probe measured that refusal
                    error = caseworker.http()
                        .send(HttpRequest.newBuilder(URI.create(caseworker.base() + "/actuator/health"))
                            .timeout(Duration.ofSeconds(60))
                            .header("Accept", "application/json")
                            .GET()
                            .build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() != 200;
                }
                catch (IOException ex) {
                    error = true;
                    if (errorsShown.incrementAndGet() <= 10) {
                        System.err.println("/actuator/health: " + ex);
                    }
                }
                record(probe, began, error);
            }
            return null;
        });
        System.out.printf(Locale.ROOT, "%nSoak of %s as %s: %d clients, %d min after %d s of warm-up; %,d persons to "
                + "read, writes on the persons this run makes%n%n", options.baseUrl(), options.user(), options.clients(),
                options.minutes(), options.warmupSeconds(), readIds.size());
        Thread.sleep(TimeUnit.SECONDS.toMillis(options.warmupSeconds()));
        samples.clear();
        probe.clear();
        System.out.printf(Locale.ROOT, "%6s %9s %7s %8s %8s %11s %8s %9s %6s%n", "minute", "requests", "errors",
                "p50 ms", "p95 ms", "health p95", "ratio", "heap MB", "load");
        List<long[]> minutes = new ArrayList<>();
        long maxHeap = 0;
        int errors = 0;
        int probeErrors = 0;
        for (int minute = 1; minute <= options.minutes(); minute++) {
            long heapPeak = 0;
            for (int second = 0; second < 60; second += 5) {
                Thread.sleep(5000);
                heapPeak = Math.max(heapPeak, heapBytes());
            }
            maxHeap = Math.max(maxHeap, heapPeak);
            long from = (minute - 1) * 60_000L;
            long to = minute * 60_000L;
            long[] mix = window(samples, from, to);
            long[] health = window(probe, from, to);
            int minuteErrors = (int) samples.stream()
                .filter(s -> s.endedMillis() >= from && s.endedMillis() < to && s.error())
                .count();
            probeErrors += (int) probe.stream()
                .filter(s -> s.endedMillis() >= from && s.endedMillis() < to && s.error())
                .count();
            errors += minuteErrors;
            minutes.add(mix);
            double p95 = ms(percentile(mix, 95));
            double healthP95 = ms(percentile(health, 95));
            System.out.printf(Locale.ROOT, "%6d %9d %7d %8.1f %8.1f %11.1f %8.1f %9.0f %6s%n", minute, mix.length,
                    minuteErrors, ms(percentile(mix, 50)), p95, healthP95, p95 / Math.max(healthP95, 0.001),
                    heapPeak / 1048576.0, load());
        }
        running = false;
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        double first = ms(percentile(minutes.get(0), 95));
        double last = ms(percentile(minutes.get(minutes.size() - 1), 95));
        boolean noErrors = errors == 0 && probeErrors == 0;
        boolean heapKept = maxHeap <= HEAP_LIMIT;
        boolean steady = last <= first * 1.2;
        System.out.printf(Locale.ROOT, "%nerrors: %d, of the health probe %d — %s%n", errors, probeErrors,
                verdict(noErrors));
        System.out.printf(Locale.ROOT, "heap peak: %.0f MB (limit 512 MB) — %s%n", maxHeap / 1048576.0,
                verdict(heapKept));
        System.out.printf(Locale.ROOT, "p95 first minute %.1f ms, last minute %.1f ms (%+.0f %%, limit +20 %%) — %s%n",
                first, last, (last / first - 1) * 100, verdict(steady));
        System.out.printf(Locale.ROOT, "persons made by the run: %d%n", ownPersons.size());
        return noErrors && heapKept && steady;
    }

    /** One request (or, for a referral, two) of the mix. */
    void one(Random random) {
        int roll = random.nextInt(100);
        long began = System.nanoTime();
        boolean error;
        try {
            if (roll < 35 || ownPersons.size() < 5 && roll >= 70) {
                String q = prefix(names.get(random.nextInt(names.size())), random);
                error = status(caseworker.api("/api/v1/persons?q=" + encode(q) + "&size=20").GET().build()) != 200;
            }
            else if (roll < 65) {
                error = status(caseworker.page("/personen/" + readIds.get(random.nextInt(readIds.size())))) != 200;
            }
            else if (roll < 70) {
                int n = counter.incrementAndGet();
                HttpResponse<String> made;
                int tries = 0;
                do {
                    // a random BSN may belong to one of the dataset's persons: the refusal (409)
                    // is right, and the client tries another number, as a user would
                    made = caseworker.http()
                        .send(post("/api/v1/persons", "{\"givenName\":\"Duur\",\"familyName\":\"Proef" + n
                                + "\",\"dateOfBirth\":\"1990-01-01\",\"category\":\"PERMIT_HOLDER\",\"bsn\":\""
                                + bsn(random) + "\",\"languages\":[\"ar\"]}"), HttpResponse.BodyHandlers.ofString());
                }
                while (made.statusCode() == 409 && made.body().contains("BSN") && ++tries < 3);
                error = made.statusCode() != 201;
                if (error && errorsShown.incrementAndGet() <= 10) {
                    System.err.println("HTTP " + made.statusCode() + " for POST /api/v1/persons: "
                            + made.body().substring(0, Math.min(200, made.body().length())));
                }
                if (!error) {
                    ownPersons.add(first(ID, made.body()));
                }
            }
            else if (roll < 85) {
                String person = ownPersons.get(random.nextInt(ownPersons.size()));
                error = status(post("/api/v1/persons/" + person + "/plan/goals",
                        "{\"area\":\"LANGUAGE\",\"description\":\"Doel " + counter.incrementAndGet() + "\"}")) != 201;
            }
            else if (roll < 95) {
                String person = ownPersons.get(random.nextInt(ownPersons.size()));
                HttpResponse<String> made = caseworker.http()
                    .send(post("/api/v1/referrals", "{\"personId\":\"" + person + "\",\"provisionId\":\"" + provision
                            + "\",\"purpose\":\"Taalles\",\"sharedFields\":[\"NAME\"],\"consent\":{\"givenOn\":\""
                            + LocalDate.now() + "\"}}"), HttpResponse.BodyHandlers.ofString());
                if (made.statusCode() != 201 && errorsShown.incrementAndGet() <= 10) {
                    System.err.println("HTTP " + made.statusCode() + " for POST /api/v1/referrals: "
                            + made.body().substring(0, Math.min(200, made.body().length())));
                }
                error = made.statusCode() != 201
                        || status(post("/api/v1/referrals/" + first(ID, made.body()) + "/sending", "{}")) != 200;
            }
            else {
                String person = ownPersons.get(random.nextInt(ownPersons.size()));
                error = status(post("/api/v1/persons/" + person + "/contacts",
                        "{\"kind\":\"BUDDY\",\"name\":\"Maatje " + counter.incrementAndGet() + "\"}")) != 201;
            }
        }
        catch (IOException | RuntimeException ex) {
            error = true;
            if (errorsShown.incrementAndGet() <= 10) {
                System.err.println(ex);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return;
        }
        record(samples, began, error);
    }

    private void record(ConcurrentLinkedQueue<Sample> into, long began, boolean error) {
        long now = System.nanoTime();
        if (now >= startNanos) {
            into.add(new Sample((now - startNanos) / 1_000_000, now - began, error));
        }
    }

    private int status(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> answer = caseworker.http().send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300 && errorsShown.incrementAndGet() <= 10) {
            System.err.println("HTTP " + answer.statusCode() + " for " + request.method() + " " + request.uri() + ": "
                    + answer.body().substring(0, Math.min(200, answer.body().length())));
        }
        return answer.statusCode();
    }

    private HttpRequest post(String path, String json) {
        return caseworker.api(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    }

    /** The heap in use, summed over the heap's pools, as the application reports it; -1 when not given. */
    long heapBytes() throws IOException, InterruptedException {
        HttpResponse<String> answer = administrator.http()
            .send(administrator.api("/actuator/prometheus").header("Accept", "text/plain").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            return -1;
        }
        Matcher heap = HEAP.matcher(answer.body());
        long sum = 0;
        boolean found = false;
        while (heap.find()) {
            sum += (long) Double.parseDouble(heap.group(1));
            found = true;
        }
        return found ? sum : -1;
    }

    /** Logs in through the form like a browser, then issues a personal API token with the session. */
    Session logIn(String user, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
        String base = options.baseUrl();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/inloggen")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (form.statusCode() != 200) {
            fail("GET /inloggen answered " + form.statusCode() + "; is Meedoen running at " + base + "?");
        }
        String body = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf(form.body()));
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/inloggen"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            fail("Login as " + user + " failed (" + login.statusCode() + ")");
        }
        String home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("X-CSRF-TOKEN", csrf(home))
            .POST(HttpRequest.BodyPublishers
                .ofString("{\"name\":\"soak\",\"expiresOn\":\"" + LocalDate.now().plusDays(1) + "\"}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(issued.body());
        if (issued.statusCode() != 201 || !token.find()) {
            fail("POST /api/v1/tokens as " + user + " answered " + issued.statusCode() + ": " + issued.body());
        }
        return new Session(http, base, token.group(1));
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> answer = caseworker.http().send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            fail(request.uri() + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    /** A BSN that passes the eleven test (the persons the run makes). */
    static String bsn(Random random) {
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                digits[i] = i == 0 ? 1 + random.nextInt(9) : random.nextInt(10);
                sum += (9 - i) * digits[i];
            }
            int last = Math.floorMod(sum, 11);
            if (last <= 9) {
                digits[8] = last;
                StringBuilder text = new StringBuilder();
                Arrays.stream(digits).forEach(text::append);
                return text.toString();
            }
        }
    }

    static long[] window(ConcurrentLinkedQueue<Sample> from, long start, long end) {
        return from.stream()
            .filter(s -> s.endedMillis() >= start && s.endedMillis() < end)
            .mapToLong(Sample::nanos)
            .sorted()
            .toArray();
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        }
        catch (IOException ex) {
            return "?";
        }
    }

    static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + text);
        }
        return matcher.group(1);
    }

    static String csrf(String html) {
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

    static String verdict(boolean met) {
        return met ? "met" : "NOT met";
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
        Map<String, String> values = new LinkedHashMap<>(Map.of("--base-url", "http://localhost:8080", "--user",
                "begeleider", "--password", "demo", "--admin", "beheerder", "--admin-password", "demo", "--minutes",
                "10", "--clients", "16", "--warmup-seconds", "30"));
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
                fail("Usage: java bench/Soak.java [--base-url URL] [--user NAME] [--password PASSWORD] [--admin NAME] "
                        + "[--admin-password PASSWORD] [--minutes N] [--clients N] [--warmup-seconds N]");
            }
            values.put(arg, value);
        }
        return new Options(values.get("--base-url").replaceAll("/+$", ""), values.get("--user"),
                values.get("--password"), values.get("--admin"), values.get("--admin-password"),
                Integer.parseInt(values.get("--minutes")), Integer.parseInt(values.get("--clients")),
                Integer.parseInt(values.get("--warmup-seconds")));
    }

    static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }

}
