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
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Is every write Meedoen acknowledged still there after a crash? Starts the packaged application on a fresh embedded
 * PostgreSQL data directory, makes mixed writes from several clients through the API — new persons, plan goals, buddy
 * contacts in a person's own network, referrals created and then sent — and records every one answered with 2xx. In
 * the middle it kills the application and its PostgreSQL with {@code kill -9} (as a host that loses power would lose
 * both), starts it again on the same data directory and checks: every acknowledged write is there, a referral
 * acknowledged as sent is sent and none is half-made, the processing log's chain verifies, and the event publications
 * left incomplete by the crash are delivered again (the application's redelivery job, run here every 10 s for those
 * older than 30 s). Prints the counts and the times.
 * <p>
 * Usage, from the repository root, after {@code ./mvnw -q package -DskipTests}:
 * <pre>
 * java bench/CrashSafety.java [--jar target/meedoen-0.0.1-SNAPSHOT.jar] [--writes 10000] [--kill-at 5000]
 *      [--clients 8] [--port 8190] [--pg-port 55490] [--data-dir /tmp/meedoen-crash]
 * </pre>
 * Exit code 0 when nothing acknowledged was lost, the log verifies and no event stayed undelivered; 1 otherwise; 2
 * when the setup failed. Needs {@code psql} on the path for the event check (skipped, and said so, without it).
 */
public class CrashSafety {

    private static final Pattern CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    record Options(Path jar, int writes, int killAt, int clients, int port, int pgPort, Path dataDir) {

        static Options parse(String[] args) {
            Map<String, String> given = new java.util.HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            Path jar = Path.of(given.getOrDefault("jar", defaultJar()));
            int writes = Integer.parseInt(given.getOrDefault("writes", "10000"));
            return new Options(jar, writes, Integer.parseInt(given.getOrDefault("kill-at", String.valueOf(writes / 2))),
                    Integer.parseInt(given.getOrDefault("clients", "8")),
                    Integer.parseInt(given.getOrDefault("port", "8190")),
                    Integer.parseInt(given.getOrDefault("pg-port", "55490")),
                    Path.of(given.getOrDefault("data-dir", "/tmp/meedoen-crash")));
        }

        private static String defaultJar() {
            try (Stream<Path> jars = Files.list(Path.of("target"))) {
                return jars.map(Path::toString)
                    .filter(name -> name.endsWith(".jar") && !name.endsWith("-plain.jar"))
                    .findFirst()
                    .orElse("target/meedoen.jar");
            }
            catch (IOException ex) {
                return "target/meedoen.jar";
            }
        }
    }

    /** What the application acknowledged, by kind. */
    final Map<String, String> persons = new ConcurrentHashMap<>();

    final Map<String, String> goals = new ConcurrentHashMap<>();

    final Map<String, String> contacts = new ConcurrentHashMap<>();

    final Map<String, String> referrals = new ConcurrentHashMap<>();

    final AtomicInteger acknowledged = new AtomicInteger();

    final AtomicInteger refused = new AtomicInteger();

    final AtomicInteger inFlightLost = new AtomicInteger();

    final Options options;

    final Random random = new Random(7);

    CrashSafety(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        if (!Files.isRegularFile(options.jar())) {
            System.err.println("No application jar at " + options.jar() + "; run ./mvnw -q package -DskipTests first.");
            System.exit(2);
        }
        System.exit(new CrashSafety(options).run());
    }

    int run() throws Exception {
        deleteRecursively(options.dataDir());
        Files.createDirectories(options.dataDir());
        long t0 = System.nanoTime();
        Process app = start("first");
        System.out.printf("started in %.1f s (demo data included)%n", seconds(t0));

        Client caseworker = Client.logIn(base(), "begeleider", "demo");
        String provision = caseworker.firstProvision();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger issued = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(options.clients());
        long load = System.nanoTime();
        for (int c = 0; c < options.clients(); c++) {
            clients.submit(() -> {
                while (issued.getAndIncrement() < options.writes()) {
                    try {
                        write(caseworker, provision, issued.get());
                    }
                    catch (IOException ex) {
                        if (killed.get()) {
                            inFlightLost.incrementAndGet();
                            return null;
                        }
                        refused.incrementAndGet();
                    }
                    if (acknowledged.get() >= options.killAt() && killed.compareAndSet(false, true)) {
                        killHard(app);
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.HOURS);
        if (!killed.get()) {
            killHard(app);
        }
        System.out.printf("writes: %d acknowledged (%d persons, %d goals, %d contacts, %d referrals) in %.1f s; "
                + "%d refused; %d in flight at the kill%n", acknowledged.get(), persons.size(), goals.size(),
                contacts.size(), referrals.size(), seconds(load), refused.get(), inFlightLost.get());

        long t1 = System.nanoTime();
        Process again = start("after-crash");
        System.out.printf("restarted after kill -9 in %.1f s%n", seconds(t1));
        try {
            Client after = Client.logIn(base(), "begeleider", "demo");
            int before = acknowledged.get();
            int rest = options.writes() - before;
            if (rest > 0) {
                // The load goes on after the restart, up to the number of writes asked for.
                AtomicInteger left = new AtomicInteger(rest);
                ExecutorService more = Executors.newFixedThreadPool(options.clients());
                long resumed = System.nanoTime();
                for (int c = 0; c < options.clients(); c++) {
                    more.submit(() -> {
                        while (left.getAndDecrement() > 0) {
                            try {
                                write(after, provision, options.writes() + left.get());
                            }
                            catch (IOException ex) {
                                refused.incrementAndGet();
                            }
                        }
                        return null;
                    });
                }
                more.shutdown();
                more.awaitTermination(1, TimeUnit.HOURS);
                System.out.printf("writes after the restart: %d acknowledged in %.1f s; %d acknowledged in all%n",
                        acknowledged.get() - before, seconds(resumed), acknowledged.get());
            }
            return verify(after);
        }
        finally {
            again.destroy();
            again.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** One write of the mix, recorded when answered 2xx. */
    void write(Client client, String provision, int n) throws IOException, InterruptedException {
        List<String> known = new ArrayList<>(persons.keySet());
        int kind = known.size() < 20 ? 0 : n % 4;
        if (kind == 0) {
            String body = "{\"givenName\":\"Crash\",\"familyName\":\"Proef" + n + "\",\"dateOfBirth\":\"1990-01-01\","
                    + "\"category\":\"PERMIT_HOLDER\",\"bsn\":\"" + bsn() + "\",\"languages\":[\"ar\"]}";
            HttpResponse<String> answer = client.post("/api/v1/persons", body);
            if (answer.statusCode() == 201) {
                persons.put(id(answer), "person " + n);
                acknowledged.incrementAndGet();
            }
            else {
                refused.incrementAndGet();
            }
            return;
        }
        String person = known.get(Math.floorMod(n * 31, known.size()));
        HttpResponse<String> answer = switch (kind) {
            case 1 -> client.post("/api/v1/persons/" + person + "/plan/goals",
                    "{\"area\":\"LANGUAGE\",\"description\":\"Doel " + n + "\"}");
            case 2 -> client.post("/api/v1/persons/" + person + "/contacts",
                    "{\"kind\":\"BUDDY\",\"name\":\"Maatje " + n + "\"}");
            default -> client.post("/api/v1/referrals", "{\"personId\":\"" + person + "\",\"provisionId\":\""
                    + provision + "\",\"purpose\":\"Taalles " + n + "\",\"sharedFields\":[\"NAME\"],"
                    + "\"consent\":{\"givenOn\":\"" + LocalDate.now() + "\"}}");
        };
        if (answer.statusCode() != 201) {
            refused.incrementAndGet();
            return;
        }
        String id = id(answer);
        switch (kind) {
            case 1 -> goals.put(id, person);
            case 2 -> contacts.put(id, person);
            default -> {
                referrals.put(id, "DRAFT");
                acknowledged.incrementAndGet();
                HttpResponse<String> sent = client.post("/api/v1/referrals/" + id + "/sending", "{}");
                if (sent.statusCode() == 200) {
                    referrals.put(id, "SENT");
                }
                else {
                    refused.incrementAndGet();
                }
            }
        }
        if (kind != 3) {
            acknowledged.incrementAndGet();
        }
    }

    int verify(Client client) throws Exception {
        int missing = 0;
        for (String person : persons.keySet()) {
            missing += client.get("/api/v1/persons/" + person).statusCode() == 200 ? 0 : 1;
        }
        Map<String, String> goalsByPerson = new java.util.HashMap<>();
        for (String person : new java.util.HashSet<>(goals.values())) {
            goalsByPerson.put(person, client.get("/api/v1/persons/" + person + "/plan").body());
        }
        for (Map.Entry<String, String> goal : goals.entrySet()) {
            missing += goalsByPerson.get(goal.getValue()).contains(goal.getKey()) ? 0 : 1;
        }
        Map<String, String> contactsByPerson = new java.util.HashMap<>();
        for (String person : new java.util.HashSet<>(contacts.values())) {
            contactsByPerson.put(person, client.get("/api/v1/persons/" + person + "/contacts").body());
        }
        for (Map.Entry<String, String> contact : contacts.entrySet()) {
            missing += contactsByPerson.get(contact.getValue()).contains(contact.getKey()) ? 0 : 1;
        }
        int halfMade = 0;
        for (Map.Entry<String, String> referral : referrals.entrySet()) {
            HttpResponse<String> answer = client.get("/api/v1/referrals/" + referral.getKey());
            Matcher status = STATUS.matcher(answer.body());
            if (answer.statusCode() != 200 || !status.find()) {
                missing++;
            }
            else if (referral.getValue().equals("SENT") && !status.group(1).equals("SENT")) {
                halfMade++;
            }
        }
        Client privacy = Client.logIn(base(), "privacy", "demo");
        String verification = privacy.get("/api/v1/audit/verification").body();
        boolean chainValid = verification.contains("\"valid\":true");
        long undelivered = undeliveredEvents();
        System.out.printf("after the restart: %d of %d acknowledged writes missing; %d referrals sent but not "
                + "recorded as sent; processing log %s (%s); event publications still incomplete: %s%n", missing,
                acknowledged.get(), halfMade, chainValid ? "verifies" : "DOES NOT VERIFY", verification,
                undelivered < 0 ? "not checked (no psql)" : String.valueOf(undelivered));
        return missing == 0 && halfMade == 0 && chainValid && undelivered <= 0 ? 0 : 1;
    }

    /**
     * The event publications without completion, once the redelivery job has had its chance (-1 without psql).
     */
    long undeliveredEvents() throws Exception {
        long first = incompleteEvents();
        if (first < 0) {
            return first;
        }
        System.out.printf("event publications incomplete right after the restart: %d%n", first);
        long now = first;
        for (int i = 0; i < 18 && now > 0; i++) {
            Thread.sleep(5000);
            now = incompleteEvents();
        }
        return now;
    }

    long incompleteEvents() throws Exception {
        try {
            Process psql = new ProcessBuilder("psql", "-X", "-A", "-t", "-h", "localhost", "-p",
                    String.valueOf(options.pgPort()), "-U", "postgres", "-d", "postgres", "-c",
                    "select count(*) from event_publication where completion_date is null")
                .redirectErrorStream(true)
                .start();
            String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return psql.waitFor() == 0 ? Long.parseLong(out) : -1;
        }
        catch (IOException | NumberFormatException ex) {
            return -1;
        }
    }

    Process start(String name) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", options.jar().toString());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", String.valueOf(options.port()));
        env.put("MEEDOEN_DATA_DIR", options.dataDir().resolve("postgres").toString());
        env.put("MEEDOEN_EMBEDDED_PG_PORT", String.valueOf(options.pgPort()));
        env.put("MEEDOEN_DEMO", "true");
        env.put("MEEDOEN_EVENTS_REDELIVER_AFTER", "30s");
        env.put("MEEDOEN_EVENTS_REDELIVER_INTERVAL", "10s");
        builder.redirectErrorStream(true).redirectOutput(options.dataDir().resolve("app-" + name + ".log").toFile());
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped; see " + options.dataDir());
            }
            try {
                HttpResponse<String> ready = http.send(
                        HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200 && ready.body().contains("UP")) {
                    return process;
                }
            }
            catch (IOException ex) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the application did not become ready within 5 minutes");
    }

    /** {@code kill -9} of the application and of its PostgreSQL (found by the data directory's pid file). */
    void killHard(Process app) {
        List<ProcessHandle> victims = new ArrayList<>();
        victims.add(app.toHandle());
        app.toHandle().descendants().forEach(victims::add);
        try {
            String pid = Files.readAllLines(options.dataDir().resolve("postgres").resolve("postmaster.pid")).get(0);
            ProcessHandle.of(Long.parseLong(pid.strip())).ifPresent(postgres -> {
                victims.add(postgres);
                postgres.descendants().forEach(victims::add);
            });
        }
        catch (IOException | RuntimeException ex) {
            System.out.println("no PostgreSQL pid file found: " + ex.getMessage());
        }
        for (ProcessHandle victim : victims) {
            try {
                new ProcessBuilder("kill", "-9", String.valueOf(victim.pid())).start().waitFor();
            }
            catch (IOException | InterruptedException ex) {
                victim.destroyForcibly();
            }
        }
        System.out.printf("kill -9 of %d processes after %d acknowledged writes%n", victims.size(), acknowledged.get());
    }

    String base() {
        return "http://localhost:" + options.port();
    }

    String bsn() {
        synchronized (random) {
            while (true) {
                int[] digits = new int[9];
                int sum = 0;
                digits[0] = 1 + random.nextInt(9);
                for (int i = 1; i < 8; i++) {
                    digits[i] = random.nextInt(10);
                }
                for (int i = 0; i < 8; i++) {
                    sum += digits[i] * (9 - i);
                }
                int check = sum % 11;
                if (check < 10) {
                    digits[8] = check;
                    StringBuilder text = new StringBuilder();
                    for (int d : digits) {
                        text.append(d);
                    }
                    return text.toString();
                }
            }
        }
    }

    static String id(HttpResponse<String> answer) {
        Matcher id = ID.matcher(answer.body());
        if (!id.find()) {
            throw new IllegalStateException("no id in " + answer.body());
        }
        return id.group(1);
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.toList());
            Collections.sort(all, Comparator.reverseOrder());
            for (Path path : all) {
                Files.delete(path);
            }
        }
    }

    /** A user logged in through the form, with a personal API token for the writes. */
    record Client(HttpClient http, String base, String token) {

        static Client logIn(String base, String user, String password) throws IOException, InterruptedException {
            HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
            String csrf = csrf(http.send(HttpRequest.newBuilder(URI.create(base + "/inloggen")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/inloggen"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("login as " + user + " failed: " + login.statusCode());
            }
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf(page))
                .POST(HttpRequest.BodyPublishers
                    .ofString("{\"name\":\"crash test\",\"expiresOn\":\"" + LocalDate.now().plusDays(1) + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(issued.body());
            // A role without API tokens (the privacy officer) goes on with its session.
            return issued.statusCode() == 201 && token.find()
                    ? new Client(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), base,
                            token.group(1))
                    : new Client(http, base, null);
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
            return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
            return token == null ? request : request.header("Authorization", "Bearer " + token);
        }

        String firstProvision() throws IOException, InterruptedException {
            String directory = get("/api/v1/provisions").body();
            Matcher id = ID.matcher(directory);
            if (!id.find()) {
                throw new IllegalStateException("no provision in the directory");
            }
            return id.group(1);
        }

        private static String csrf(String page) {
            Matcher matcher = CSRF.matcher(page);
            if (!matcher.find()) {
                throw new IllegalStateException("no CSRF token on the page");
            }
            return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

}
