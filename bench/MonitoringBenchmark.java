import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy monitor benchmark: the dashboard page, the indicators API and the council
 * report of a policy officer's municipality, and the national aggregate an administrator
 * asks for, each beside {@code /actuator/health} measured in the same run (before and
 * after the others). Needs only the JDK:
 *
 * <pre>
 * java bench/MonitoringBenchmark.java [--base-url http://localhost:8080] [--user beleid] [--password demo] \
 *      [--admin beheerder] [--admin-password demo] [--period 2025-H1] [--requests 200] [--warmup 20] \
 *      [--reports 10]
 * </pre>
 *
 * Both log in through the login form like a browser (a session); {@code --admin ""}
 * leaves the national aggregate out. Every answer must be 200; errors make the exit code
 * non-zero. Prints p50/p95/p99 and requests per second for each address, how many times
 * the p50 of health each p50 is, and each target of issue 14 (dashboard p95 &le; 200 ms,
 * national aggregate p95 &le; 2 s, council report p95 &le; 5 s) as met or not.
 */
public class MonitoringBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    static String base = "http://localhost:8080";

    static HttpClient http;

    record Result(String name, int count, double p50, double p95, double p99, double perSecond) {
    }

    static int errors;

    public static void main(String[] args) throws Exception {
        String user = "beleid";
        String password = "demo";
        String admin = "beheerder";
        String adminPassword = "demo";
        String period = "2025-H1";
        int requests = 200;
        int warmup = 20;
        int reports = 10;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--base-url" -> base = args[i + 1];
                case "--user" -> user = args[i + 1];
                case "--password" -> password = args[i + 1];
                case "--admin" -> admin = args[i + 1];
                case "--admin-password" -> adminPassword = args[i + 1];
                case "--period" -> period = args[i + 1];
                case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--reports" -> reports = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        HttpClient officer = login(user, password);
        HttpClient administrator = admin.isEmpty() ? null : login(admin, adminPassword);
        http = officer;
        Result healthBefore = measure("/actuator/health (before)", "/actuator/health", warmup, requests * 5);
        Result dashboard = measure("dashboard /monitor?periode=" + period, "/monitor?periode=" + period, warmup,
                requests);
        measure("GET /api/v1/indicators?period=" + period, "/api/v1/indicators?period=" + period, warmup, requests);
        Result report = measure("council report PDF", "/api/v1/reports/council?period=" + period,
                Math.min(warmup, 2), reports);
        Result national = null;
        if (administrator != null) {
            http = administrator;
            national = measure("GET /api/v1/indicators/national?period=" + period,
                    "/api/v1/indicators/national?period=" + period, warmup, requests);
            http = officer;
        }
        Result healthAfter = measure("/actuator/health (after)", "/actuator/health", warmup, requests * 5);
        double health = (healthBefore.p50() + healthAfter.p50()) / 2;
        System.out.printf("%nhealth p50 %.1f ms (mean of before and after); each p50 as a multiple of it:%n", health);
        for (Result result : new Result[] { dashboard, report, national }) {
            if (result != null) {
                System.out.printf("  %-45s %7.1f x health%n", result.name(), result.p50() / health);
            }
        }
        System.out.println();
        target("dashboard p95 <= 200 ms", dashboard, 200);
        if (national != null) {
            target("national aggregate p95 <= 2,000 ms", national, 2_000);
        }
        target("council report p95 <= 5,000 ms", report, 5_000);
        if (errors > 0) {
            System.out.println(errors + " answers were not 200");
            System.exit(1);
        }
    }

    static void target(String name, Result result, double millis) {
        System.out.printf("  %-40s p95 %8.1f ms: %s%n", name, result.p95(), result.p95() <= millis ? "met" : "NOT met");
    }

    static HttpClient login(String user, String password) throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
        HttpResponse<String> page = client.send(get("/inloggen"), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no login form at " + base);
        }
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/inloggen"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.discarding());
        if (answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login of " + user + " refused");
        }
        return client;
    }

    static Result measure(String name, String path, int warmup, int count) throws Exception {
        for (int i = 0; i < warmup; i++) {
            call(path);
        }
        long[] nanos = new long[count];
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            call(path);
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        Result result = new Result(name, count, ms(nanos, 50), ms(nanos, 95), ms(nanos, 99), count / seconds);
        System.out.printf("%-45s n=%4d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  %7.1f req/s%n", name, count,
                result.p50(), result.p95(), result.p99(), result.perSecond());
        return result;
    }

    static void call(String path) throws Exception {
        HttpResponse<byte[]> answer = http.send(get(path), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            if (errors++ < 5) {
                System.out.println("  " + answer.statusCode() + " for " + path);
            }
        }
    }

    static double ms(long[] sorted, int percentile) {
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    static HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
