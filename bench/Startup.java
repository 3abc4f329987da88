import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long does an instance take from its start to readiness, and what does class data sharing buy? Extracts the
 * packaged application ({@code java -Djarmode=tools -jar … extract}), makes a class data sharing archive with one
 * training start that stops after the context refresh ({@code -XX:ArchiveClassesAtExit},
 * {@code -Dspring.context.exit=onRefresh}), then starts the application in turn as the packaged jar and as the
 * extracted one with the archive, each {@code --runs} times on the same data directory, and prints the seconds from
 * the process start to {@code /actuator/health/readiness} answering 200 (which waits for the migrations, the start-up
 * guards and the demo seeding) beside the load average at that moment.
 * <p>
 * Usage, from the repository root, after {@code ./mvnw -q package -DskipTests}; the data directory is the one to
 * measure with (the national dataset's, say) and is not changed beyond what a start does:
 * <pre>
 * java bench/Startup.java --data-dir /path/to/data [--jar target/meedoen-….jar] [--runs 2] [--port 8132]
 *      [--pg-port 55432] [--work /tmp/meedoen-startup] [--java-options "-Xmx1g"]
 * </pre>
 * Exit code 0 when every start became ready, 1 otherwise, 2 when the setup failed.
 */
public class Startup {

    public static void main(String[] args) throws Exception {
        Map<String, String> given = new LinkedHashMap<>(Map.of("jar", "", "runs", "2", "port", "8132", "pg-port",
                "55432", "work", "/tmp/meedoen-startup", "java-options", "-Xmx1g", "data-dir", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            String key = args[i].replaceFirst("^--", "");
            if (!given.containsKey(key)) {
                fail("Unknown option " + args[i]);
            }
            given.put(key, args[i + 1]);
        }
        if (given.get("data-dir").isEmpty()) {
            fail("Usage: java bench/Startup.java --data-dir DIR [--jar JAR] [--runs N] [--port N] [--pg-port N] "
                    + "[--work DIR] [--java-options \"…\"]");
        }
        Path jar = Path.of(given.get("jar").isEmpty() ? packagedJar() : given.get("jar")).toAbsolutePath();
        Path work = Path.of(given.get("work")).toAbsolutePath();
        Path extracted = work.resolve("extracted");
        Path archive = work.resolve("meedoen.jsa");
        int port = Integer.parseInt(given.get("port"));
        Map<String, String> env = Map.of("MEEDOEN_DATA_DIR", Path.of(given.get("data-dir")).toAbsolutePath().toString(),
                "MEEDOEN_EMBEDDED_PG_PORT", given.get("pg-port"), "SERVER_PORT", String.valueOf(port));
        List<String> javaOptions = List.of(given.get("java-options").trim().split("\\s+"));

        Files.createDirectories(work);
        deleteTree(extracted);
        long began = System.nanoTime();
        run(List.of("java", "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                extracted.toString()), Map.of(), work.resolve("extract.log"));
        Path extractedJar = extracted.resolve(jar.getFileName());
        System.out.printf(Locale.ROOT, "extracted %s in %.1f s%n", jar.getFileName(), seconds(began));
        Files.deleteIfExists(archive);
        began = System.nanoTime();
        List<String> training = new ArrayList<>(List.of("java"));
        training.addAll(javaOptions);
        training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                extractedJar.toString()));
        run(training, env, work.resolve("training.log"));
        if (!Files.exists(archive)) {
            fail("The training start made no archive; see " + work.resolve("training.log"));
        }
        System.out.printf(Locale.ROOT, "class data sharing archive of %.0f MB made in %.1f s (load %s)%n%n",
                Files.size(archive) / 1048576.0, seconds(began), load());

        List<String> packaged = new ArrayList<>(List.of("java"));
        packaged.addAll(javaOptions);
        packaged.addAll(List.of("-jar", jar.toString()));
        List<String> shared = new ArrayList<>(List.of("java"));
        shared.addAll(javaOptions);
        shared.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-jar", extractedJar.toString()));
        Map<String, List<Double>> times = new LinkedHashMap<>();
        times.put("packaged jar", new ArrayList<>());
        times.put("extracted + class data sharing", new ArrayList<>());
        boolean failed = false;
        int runs = Integer.parseInt(given.get("runs"));
        System.out.printf(Locale.ROOT, "%-32s %4s %18s %6s%n", "start", "run", "seconds to ready", "load");
        for (int i = 1; i <= runs; i++) {
            for (Map.Entry<String, List<Double>> kind : times.entrySet()) {
                List<String> command = kind.getKey().startsWith("packaged") ? packaged : shared;
                double seconds = startUntilReady(command, env, port, work.resolve("start.log"));
                failed |= seconds < 0;
                kind.getValue().add(seconds);
                System.out.printf(Locale.ROOT, "%-32s %4d %18s %6s%n", kind.getKey(), i,
                        seconds < 0 ? "not ready" : String.format(Locale.ROOT, "%.1f", seconds), load());
            }
        }
        System.out.println();
        for (Map.Entry<String, List<Double>> kind : times.entrySet()) {
            System.out.printf(Locale.ROOT, "%-32s best %.1f s%n", kind.getKey(),
                    kind.getValue().stream().filter(s -> s >= 0).mapToDouble(Double::doubleValue).min().orElse(-1));
        }
        System.exit(failed ? 1 : 0);
    }

    /** Seconds from the process start until readiness answers 200; the process is stopped after. -1: never. */
    static double startUntilReady(List<String> command, Map<String, String> env, int port, Path log)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest readiness = HttpRequest
            .newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(2))
            .build();
        long began = System.nanoTime();
        Process process = start(command, env, log);
        try {
            while (process.isAlive() && seconds(began) < 600) {
                try {
                    if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return seconds(began);
                    }
                }
                catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            return -1;
        }
        finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    static void run(List<String> command, Map<String, String> env, Path log) throws IOException, InterruptedException {
        Process process = start(command, env, log);
        if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed; see " + log);
        }
    }

    static Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    static String packagedJar() throws IOException {
        try (var jars = Files.list(Path.of("target"))) {
            return jars.map(Path::toString)
                .filter(name -> name.endsWith(".jar") && !name.endsWith("-plain.jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No jar in target/: run ./mvnw -q package -DskipTests"));
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        }
        catch (IOException ex) {
            return "?";
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }

}
