import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Does the processing log serialise a municipality? Sixteen clients open person files (each open writes a log
 * entry) of <em>one</em> municipality, then sixteen clients each open files of their <em>own</em> municipality;
 * before the redesign every entry waited on its municipality's chain head, so the first was far slower. Prints the
 * throughput of both, their ratio (target: one ≥ 80 % of spread) and, in the same run, {@code /actuator/health}.
 * <p>
 * Setup, idempotent: the demo has two municipalities (Sliedrecht, Dordrecht); the benchmark adds fourteen more
 * (codes 9101–9114, "Benchgemeente n") with one team, one caseworker {@code bench.c<n>} (the demo password, copied
 * from {@code begeleider}) and 40 synthetic persons each, straight into the database as its owner. Clients log in
 * through the login form (a session per client), as a browser does: HTTP Basic would measure bcrypt.
 * <p>
 * Usage, from the repository root, with the application running (demo data) on an embedded PostgreSQL whose port is
 * known (MEEDOEN_EMBEDDED_PG_PORT):
 * <pre>
 * java -cp ~/.m2/repository/org/postgresql/postgresql/42.7.13/postgresql-42.7.13.jar bench/AuditThroughputBenchmark.java \
 *      [--base-url http://localhost:8080] [--jdbc jdbc:postgresql://localhost:55415/postgres] [--requests 3200]
 * </pre>
 */
public class AuditThroughputBenchmark {

    static final int CLIENTS = 16;

    static final int EXTRA_MUNICIPALITIES = 14;

    static final int PERSONS_EACH = 40;

    private static final Pattern CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    static String baseUrl = "http://localhost:8080";

    public static void main(String[] args) throws Exception {
        String jdbc = "jdbc:postgresql://localhost:5432/postgres";
        int requests = 3200;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--base-url" -> baseUrl = args[i + 1];
                case "--jdbc" -> jdbc = args[i + 1];
                case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        setUp(jdbc);
        List<String> spreadUsers = new ArrayList<>(List.of("begeleider", "begeleider.dordrecht"));
        for (int n = 1; n <= EXTRA_MUNICIPALITIES; n++) {
            spreadUsers.add("bench.c" + n);
        }
        List<Client> one = new ArrayList<>();
        List<Client> spread = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            one.add(new Client("begeleider"));
            spread.add(new Client(spreadUsers.get(i)));
        }
        int perClient = requests / CLIENTS;
        // warm-up: JIT, pools, caches, and the first chaining of the new entries
        run(one, perClient / 4, false);
        run(spread, perClient / 4, false);
        run(one, perClient / 4, true);
        // interleaved, twice each, best of each: the machine's other load hits both alike
        double health = run(one, perClient, true);
        double oneFirst = run(one, perClient, false);
        double spreadFirst = run(spread, perClient, false);
        double oneSecond = run(one, perClient, false);
        double spreadSecond = run(spread, perClient, false);
        double oneBest = Math.max(oneFirst, oneSecond);
        double spreadBest = Math.max(spreadFirst, spreadSecond);
        System.out.printf("%d clients, %d requests per scenario run (session logins)%n", CLIENTS, perClient * CLIENTS);
        System.out.printf("/actuator/health          %8.1f req/s%n", health);
        System.out.printf("files of one municipality %8.1f req/s (runs: %.1f, %.1f)  = %.2f x health%n", oneBest,
                oneFirst, oneSecond, oneBest / health);
        System.out.printf("files of 16 municipalities%8.1f req/s (runs: %.1f, %.1f)  = %.2f x health%n", spreadBest,
                spreadFirst, spreadSecond, spreadBest / health);
        double spreadRate = spreadBest;
        System.out.printf("one / spread              %8.0f %%  (target >= 80 %%)%n", 100 * oneBest / spreadRate);
    }

    /** Runs every client at once; answers the requests per second of all together. */
    static double run(List<Client> clients, int each, boolean health) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            long start = System.nanoTime();
            List<Future<Integer>> done = new ArrayList<>();
            for (Client client : clients) {
                done.add(pool.submit(() -> client.open(each, health)));
            }
            int total = 0;
            for (Future<Integer> future : done) {
                total += future.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        }
        finally {
            pool.shutdown();
        }
    }

    /** One browser: its own session, the persons of its municipality. */
    static final class Client {

        final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .connectTimeout(Duration.ofSeconds(10))
            .build();

        final List<String> persons = new ArrayList<>();

        final Random random = new Random();

        Client(String user) throws Exception {
            HttpResponse<String> page = http.send(get("/inloggen"), HttpResponse.BodyHandlers.ofString());
            Matcher csrf = CSRF.matcher(page.body());
            if (page.statusCode() != 200 || !csrf.find()) {
                throw new IllegalStateException("No login page at " + baseUrl);
            }
            String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/inloggen"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password=demo&_csrf="
                        + encode(token)))
                .build(), HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
                throw new IllegalStateException("Login as " + user + " failed");
            }
            HttpResponse<String> list = http.send(get("/api/v1/persons?size=50"), HttpResponse.BodyHandlers.ofString());
            Matcher ids = ID.matcher(list.body());
            while (ids.find()) {
                persons.add(ids.group(1));
            }
            if (persons.isEmpty()) {
                throw new IllegalStateException(user + " sees no persons");
            }
        }

        int open(int count, boolean health) throws IOException, InterruptedException {
            for (int i = 0; i < count; i++) {
                String path = health ? "/actuator/health"
                        : "/api/v1/persons/" + persons.get(random.nextInt(persons.size()));
                HttpResponse<Void> answer = http.send(get(path), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + answer.statusCode());
                }
            }
            return count;
        }

    }

    static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(60))
            .build();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Fourteen more municipalities, each with a team, a caseworker and persons; nothing twice. */
    static void setUp(String jdbc) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            String hash;
            try (ResultSet rs = db.createStatement()
                .executeQuery("select password_hash from app_user where username = 'begeleider'")) {
                if (!rs.next()) {
                    throw new IllegalStateException("No demo account begeleider: start on an empty demo database");
                }
                hash = rs.getString(1);
            }
            for (int n = 1; n <= EXTRA_MUNICIPALITIES; n++) {
                String code = String.valueOf(9100 + n);
                UUID municipality = UUID.nameUUIDFromBytes(("bench-municipality-" + n).getBytes());
                UUID team = UUID.nameUUIDFromBytes(("bench-team-" + n).getBytes());
                execute(db, "insert into municipality (id, code, name) values (?, ?, ?) on conflict do nothing",
                        municipality, code, "Benchgemeente " + n);
                execute(db, "insert into team (id, municipality_id, name) values (?, ?, 'Team inburgering') "
                        + "on conflict do nothing", team, municipality);
                execute(db, "insert into app_user (id, municipality_id, team_id, username, display_name, "
                        + "password_hash, role) values (?, ?, ?, ?, ?, ?, 'CASEWORKER') on conflict do nothing",
                        UUID.nameUUIDFromBytes(("bench-user-" + n).getBytes()), municipality, team, "bench.c" + n,
                        "Consulent bench " + n, hash);
                for (int p = 0; p < PERSONS_EACH; p++) {
                    String bsn = String.format("77%02d%05d", n, p);
                    execute(db, "insert into person (id, municipality_id, team_id, given_names, family_name, sort_name,"
                            + " date_of_birth, category, bsn, version) values (?, ?, ?, 'Bench', ?, ?, date '1990-01-01',"
                            + " 'PERMIT_HOLDER', ?, 0) on conflict do nothing",
                            UUID.nameUUIDFromBytes(("bench-person-" + n + "-" + p).getBytes()), municipality, team,
                            "Persoon" + p, "persoon" + p + " bench", bsn);
                }
            }
        }
    }

    static void execute(Connection db, String sql, Object... values) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

}
