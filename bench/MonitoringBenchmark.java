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
 * report of a policy officer's municipality, each beside the throughput of
 * {@code /actuator/health} measured in the same run. Needs only the JDK:
 *
 * <pre>
 * java bench/MonitoringBenchmark.java [--base-url http://localhost:8080] [--user beleid] [--password demo] \
 *      [--period 2025-H1] [--requests 200] [--warmup 20] [--reports 10]
 * </pre>
 *
 * The policy officer logs in through the login form like a browser (a session). Every
 * answer must be 200; errors make the exit code non-zero. Prints p50/p95/p99 and
 * requests per second for each address.
 */
public class MonitoringBenchmark {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    static String base = "http://localhost:8080";

    static HttpClient http;

    static int errors;

    public static void main(String[] args) throws Exception {
        String user = "beleid";
        String password = "demo";
        String period = "2025-H1";
        int requests = 200;
        int warmup = 20;
        int reports = 10;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--base-url" -> base = args[i + 1];
                case "--user" -> user = args[i + 1];
                case "--password" -> password = args[i + 1];
                case "--period" -> period = args[i + 1];
                case "--requests" -> requests = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--reports" -> reports = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> page = http.send(get("/inloggen"), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no login form at " + base);
        }
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        http.send(HttpRequest.newBuilder(URI.create(base + "/inloggen"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.discarding());

        measure("dashboard /monitor?periode=" + period, "/monitor?periode=" + period, warmup, requests);
        measure("GET /api/v1/indicators?period=" + period, "/api/v1/indicators?period=" + period, warmup, requests);
        measure("council report PDF", "/api/v1/reports/council?period=" + period, Math.min(warmup, 2), reports);
        measure("/actuator/health", "/actuator/health", warmup, requests * 5);
        if (errors > 0) {
            System.out.println(errors + " answers were not 200");
            System.exit(1);
        }
    }

    static void measure(String name, String path, int warmup, int count) throws Exception {
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
        System.out.printf("%-45s n=%4d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  %7.1f req/s%n", name, count,
                ms(nanos, 50), ms(nanos, 95), ms(nanos, 99), count / seconds);
    }

    static void call(String path) throws Exception {
        HttpResponse<byte[]> answer = http.send(get(path), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200) {
            errors++;
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
