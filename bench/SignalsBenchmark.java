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
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
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
 * caseworker's worklist page. Needs the JDK and the PostgreSQL JDBC driver:
 *
 * <pre>
 * java -cp ~/.m2/repository/org/postgresql/postgresql/42.7.13/postgresql-42.7.13.jar bench/SignalsBenchmark.java \
 *      [--jdbc jdbc:postgresql://localhost:55414/postgres] [--db-user postgres] [--db-password postgres] \
 *      [--runs 1] [--base-url http://localhost:8080] [--user begeleider.2001.1] [--password demo] \
 *      [--requests 1000] [--warmup 200] [--worklist /signalen] [--skip-evaluation]
 * </pre>
 *
 * The nightly run is started the way the night starts it: the benchmark moves the
 * execution time of db-scheduler's task {@code signals-nightly} to now, one instance of
 * the running application picks it up, and the benchmark waits for its success. It then
 * prints what the run recorded in {@code signal_run} (municipalities, persons evaluated,
 * signals raised and resolved, the seconds from the first municipality's start to the
 * last one's end, the slowest municipalities) and, when PostgreSQL loaded
 * {@code pg_stat_statements}, the time per rule statement. With {@code --runs 2} the
 * second run shows the cost of a night after one without changes.
 * <p>
 * The worklist page is requested by a caseworker logged in through the login form like a
 * browser (a session, never HTTP Basic, which would hash the password with bcrypt on every
 * request): p50/p95/p99 and the throughput, then the throughput of
 * {@code /actuator/health} measured in the same run, with the ratio between them. Every
 * answer must be 200; errors make the exit code non-zero.
 */
public class SignalsBenchmark {

    record Options(String jdbc, String dbUser, String dbPassword, String baseUrl, String user, String password,
            int requests, int warmup, int runs, String worklist, boolean evaluate) {
    }

    private static final Pattern CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private static final Pattern FROM = Pattern.compile("\\bfrom\\s+([a-z_]+)");

    private static final Pattern KEY = Pattern.compile("'([a-zA-Z]+)',");

    private final Options options;

    SignalsBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        SignalsBenchmark benchmark = new SignalsBenchmark(options);
        boolean failed = false;
        if (options.evaluate()) {
            try (Connection db = DriverManager.getConnection(options.jdbc(), options.dbUser(), options.dbPassword())) {
                for (int run = 1; run <= options.runs(); run++) {
                    failed |= benchmark.nightly(db, run);
                }
            }
        }
        if (options.user() != null) {
            failed |= benchmark.worklist();
        }
        System.exit(failed ? 1 : 0);
    }

    /** One nightly run through the scheduler, and its figures. */
    boolean nightly(Connection db, int run) throws Exception {
        boolean statements = statementStatistics(db);
        Timestamp start;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select clock_timestamp()")) {
            rs.next();
            start = rs.getTimestamp(1);
        }
        try (PreparedStatement s = db.prepareStatement(
                "update scheduled_tasks set execution_time = now() where task_name = 'signals-nightly'")) {
            if (s.executeUpdate() != 1) {
                fail("There is no task signals-nightly in scheduled_tasks: start the application (with the signals "
                        + "module) on this database first");
            }
        }
        long began = System.nanoTime();
        while (true) {
            Thread.sleep(1000);
            try (PreparedStatement s = db.prepareStatement(
                    "select last_success, last_failure from scheduled_tasks where task_name = 'signals-nightly'")) {
                ResultSet rs = s.executeQuery();
                rs.next();
                Timestamp success = rs.getTimestamp(1);
                Timestamp failure = rs.getTimestamp(2);
                if (failure != null && !failure.before(start)) {
                    System.out.printf(Locale.ROOT, "Run %d failed (see the application's log)%n", run);
                    return true;
                }
                if (success != null && !success.before(start)) {
                    break;
                }
            }
            if (System.nanoTime() - began > Duration.ofMinutes(30).toNanos()) {
                fail("The nightly run did not finish within 30 minutes; is the application running?");
            }
        }
        try (PreparedStatement s = db.prepareStatement("""
                select count(*), sum(evaluated_persons), sum(raised), sum(resolved), sum(millis),
                    extract(epoch from max(finished_at) - min(finished_at - millis * interval '1 millisecond'))
                from signal_run where trigger = 'NIGHTLY' and finished_at >= ?""")) {
            s.setTimestamp(1, start);
            ResultSet rs = s.executeQuery();
            rs.next();
            System.out.printf(Locale.ROOT, "%nNightly full evaluation, run %d: %,d municipalities, %,d persons "
                    + "evaluated, %,d signals raised, %,d resolved%n", run, rs.getLong(1), rs.getLong(2),
                    rs.getLong(3), rs.getLong(4));
            System.out.printf(Locale.ROOT, "  %.1f s from the first municipality's start to the last one's end "
                    + "(%.1f s in the municipalities' transactions; target: 60 s)%n", rs.getDouble(6),
                    rs.getLong(5) / 1000.0);
        }
        try (PreparedStatement s = db.prepareStatement("""
                select m.code, m.name, r.evaluated_persons, r.raised, r.resolved, r.millis
                from signal_run r join municipality m on m.id = r.municipality_id
                where r.trigger = 'NIGHTLY' and r.finished_at >= ? order by r.millis desc limit 5""")) {
            s.setTimestamp(1, start);
            ResultSet rs = s.executeQuery();
            System.out.println("  slowest municipalities:    persons    raised  resolved        ms");
            while (rs.next()) {
                System.out.printf(Locale.ROOT, "    %s %-20s %,9d %,9d %,9d %,9d%n", rs.getString(1), rs.getString(2),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
            }
        }
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                select rule, count(*) filter (where status in ('OPEN', 'ACKNOWLEDGED')), count(*)
                from signal where person_id is not null group by rule order by rule""")) {
            System.out.println("  signals per rule:                       open     total");
            while (rs.next()) {
                System.out.printf(Locale.ROOT, "    %-34s %,9d %,9d%n", rs.getString(1), rs.getLong(2), rs.getLong(3));
            }
        }
        if (statements) {
            printStatements(db);
        }
        else {
            System.out.println("  (time per rule: start PostgreSQL with shared_preload_libraries = "
                    + "'pg_stat_statements' to see it)");
        }
        return false;
    }

    /** Resets pg_stat_statements when PostgreSQL loaded it; answers whether it did. */
    private static boolean statementStatistics(Connection db) {
        try (Statement s = db.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
            return true;
        }
        catch (SQLException ex) {
            return false;
        }
    }

    /** The statements of the run by total time, each rule's named by its tables and facts. */
    private static void printStatements(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("""
                select query, calls, total_exec_time, mean_exec_time, rows from pg_stat_statements
                where query like '%residents_current%' or query like '%signal_run%'
                order by total_exec_time desc limit 30""")) {
            System.out.println("  time per statement (pg_stat_statements):   calls   total ms    mean ms");
            while (rs.next()) {
                System.out.printf(Locale.ROOT, "    %-40s %7d %10.0f %10.2f%n", label(rs.getString(1)), rs.getLong(2),
                        rs.getDouble(3), rs.getDouble(4));
            }
        }
    }

    /** A rule statement by the tables of its own query (after "hits as (") and the facts it names. */
    static String label(String query) {
        int hits = query.indexOf("hits as (");
        if (hits < 0) {
            return query.contains("update signal s set owner_user_id") ? "owners of open signals"
                    : query.contains("count(*) from (") ? "persons evaluated" : query.replaceAll("\\s+", " ")
                        .substring(0, Math.min(40, query.replaceAll("\\s+", " ").length()));
        }
        String own = query.substring(hits, query.indexOf("found as (", hits) < 0 ? query.length()
                : query.indexOf("found as (", hits));
        java.util.LinkedHashSet<String> tables = new java.util.LinkedHashSet<>();
        Matcher from = FROM.matcher(own);
        while (from.find() && tables.size() < 2) {
            tables.add(from.group(1));
        }
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
        Matcher key = KEY.matcher(own);
        while (key.find() && keys.size() < 2) {
            keys.add(key.group(1));
        }
        String label = String.join("+", tables) + " " + String.join(",", keys);
        return label.length() > 40 ? label.substring(0, 40) : label;
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
        Map<String, String> values = new LinkedHashMap<>();
        values.put("--jdbc", "jdbc:postgresql://localhost:55414/postgres");
        values.put("--db-user", "postgres");
        values.put("--db-password", "postgres");
        values.put("--runs", "1");
        values.put("--base-url", "http://localhost:8080");
        values.put("--user", "");
        values.put("--password", "demo");
        values.put("--requests", "1000");
        values.put("--warmup", "200");
        values.put("--worklist", "/signalen");
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
                fail("Usage: java -cp postgresql.jar bench/SignalsBenchmark.java [--jdbc URL] [--db-user NAME] "
                        + "[--db-password PASSWORD] [--runs N] [--base-url URL] [--user CASEWORKER] "
                        + "[--password PASSWORD] [--requests N] [--warmup N] [--worklist PATH] [--skip-evaluation]");
            }
            values.put(arg, value);
        }
        String user = values.get("--user");
        return new Options(values.get("--jdbc"), values.get("--db-user"), values.get("--db-password"),
                values.get("--base-url").replaceAll("/+$", ""), user.isBlank() ? null : user, values.get("--password"),
                Integer.parseInt(values.get("--requests")), Integer.parseInt(values.get("--warmup")),
                Integer.parseInt(values.get("--runs")), values.get("--worklist"), evaluate);
    }

    static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }

}
