package nl.meedoen.datagen;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import nl.meedoen.datagen.MunicipalityRoster.Target;
import nl.meedoen.datagen.Offices.Office;
import nl.meedoen.datagen.PersonFactory.Unit;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Fills the database with a national-scale dataset once the application has started
 * (after everything else that runs at startup, the demo setup included): municipalities
 * up to {@code meedoen.datagen.municipalities}, then {@code meedoen.datagen.persons}
 * persons with their name tokens and households, written with {@code COPY} in chunks over
 * the owner connection, and finally {@code ANALYZE} and {@code VACUUM}. Refuses when the
 * database already looks generated, unless forced; stops the application when done unless
 * told not to.
 * <p>
 * {@code COPY FROM} into tables with row-level security is only allowed for a role that
 * bypasses it, such as the superuser of the embedded PostgreSQL; the generator checks
 * this before it starts.
 */
@Component
@ConditionalOnProperty("meedoen.datagen.persons")
@EnableConfigurationProperties(DatagenSettings.class)
class DatasetGenerator {

    private static final Logger log = LoggerFactory.getLogger(DatasetGenerator.class);

    static final int CHUNK_PERSONS = 5_000;

    static final int REPORT_EVERY = 50_000;

    private static final long FACTS_SEED = 0x5DEECE66DL;

    private final DataSource owner;

    private final DatagenSettings settings;

    private final Clock clock;

    private final PasswordEncoder passwords;

    DatasetGenerator(@Qualifier("owner") DataSource owner, DatagenSettings settings, Clock clock,
            PasswordEncoder passwords) {
        this.owner = owner;
        this.settings = settings;
        this.clock = clock;
        this.passwords = passwords;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void generateWhenReady(ApplicationReadyEvent event) {
        int exitCode = generate();
        if (settings.exit()) {
            log.info("Stopping the application (meedoen.datagen.exit=true)");
            System.exit(SpringApplication.exit(event.getApplicationContext(), () -> exitCode));
        }
    }

    /**
     * Generates the dataset; returns the exit code: 0 when done, non-zero when refused or
     * failed.
     */
    int generate() {
        if (settings.persons() <= 0) {
            log.error("meedoen.datagen.persons must be a positive number, not {}", settings.persons());
            return 2;
        }
        try (Connection connection = owner.getConnection()) {
            if (!isSuperuser(connection)) {
                log.error("The generator writes with COPY, which PostgreSQL allows on tables with row-level "
                        + "security only for a role that bypasses it, and writes the modules' facts with "
                        + "session_replication_role = replica (adopted plan versions with their goals at once), "
                        + "which needs a superuser. The owner role of this database is none; run the generator "
                        + "against the embedded PostgreSQL or with a superuser.");
                return 3;
            }
            long existing = count(connection, "select count(*) from person");
            if (existing > settings.refuseAbove() && !settings.force()) {
                log.error(String.format(Locale.ROOT,
                        "The database already holds %,d persons (more than %,d), so the dataset has most likely "
                                + "been generated already. Nothing was added. To add another %,d persons anyway, "
                                + "set meedoen.datagen.force=true; to start afresh, stop the application and remove "
                                + "the data directory (meedoen.embedded-postgres.data-directory).",
                        existing, settings.refuseAbove(), settings.persons()));
                return 4;
            }
            return write(connection, existing);
        }
        catch (SQLException | IOException | RuntimeException ex) {
            log.error("Generating the dataset failed; chunks written before the failure remain", ex);
            return 1;
        }
    }

    private int write(Connection connection, long existing) throws SQLException, IOException {
        // the ids come from this random too: hashing in how many persons there are keeps
        // a forced second run
        // from repeating the first one's ids, while the same seed on the same starting
        // point gives the same data
        SplittableRandom random = new SplittableRandom(new SplittableRandom(settings.seed() ^ existing).nextLong());
        execute(connection, "set synchronous_commit = off");
        connection.setAutoCommit(false);
        try {
            List<Target> municipalities = MunicipalityRoster.prepare(connection, settings.municipalities(), random);
            connection.commit();
            int[] remaining = MunicipalityRoster.allocate(municipalities, settings.persons());
            logPlan(municipalities, remaining, existing);

            SyntheticNumbers numbers = numbersNotTaken(connection);
            LocalDate today = LocalDate.now(clock);
            PersonFactory factory = new PersonFactory(random, numbers, today);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            // the facts draw from a random of their own, so the persons of a seed stay
            // the same
            Draw draw = new Draw(new SplittableRandom(settings.seed() ^ existing ^ FACTS_SEED));
            List<Office> offices = Offices.prepare(connection, copy, municipalities, remaining,
                    passwords.encode("demo"), draw, today);
            connection.commit();
            log.info(String.format(Locale.ROOT, "Prepared %,d caseworkers, %,d provisions and %,d volunteers",
                    offices.stream().mapToInt(o -> o.caseworkers().size()).sum(),
                    offices.stream().mapToInt(o -> o.provisions().size()).sum(),
                    offices.stream().mapToInt(o -> o.volunteers().size()).sum()));
            Facts facts = new Facts(draw, today);
            long factRows = 0;
            Progress progress = new Progress(log, settings.persons(), REPORT_EVERY);
            Chunk chunk = new Chunk();
            Chunk.Totals totals = new Chunk.Totals(0, 0, 0, 0);
            long left = settings.persons();
            while (left > 0) {
                // municipalities take turns at random, weighted by what each still needs,
                // so that their rows
                // lie interleaved on disk as they would after years of use
                int index = pick(remaining, left, random);
                Unit unit = factory.next(municipalities.get(index), remaining[index]);
                chunk.add(municipalities.get(index).id(), unit);
                facts.add(offices.get(index), unit);
                remaining[index] -= unit.persons().size();
                left -= unit.persons().size();
                if (chunk.persons() >= CHUNK_PERSONS || left == 0) {
                    totals = totals.plus(chunk.send(copy));
                    // the facts refer to the persons just sent and to each other in the
                    // order sent;
                    // replica skips the reference triggers and the trigger that keeps
                    // adopted plan
                    // versions as they are (their goals are written with them at once)
                    execute(connection, "set session_replication_role = replica");
                    factRows += facts.send(copy);
                    execute(connection, "set session_replication_role = origin");
                    connection.commit();
                    progress.update(totals.persons(), totals.rows() + factRows);
                }
            }
            Duration written = progress.elapsed();
            connection.setAutoCommit(true);
            // ANALYZE first, so that autovacuum has no reason to start analysing (its
            // snapshot would keep VACUUM
            // from marking the newest pages all-visible); VACUUM sets the visibility map,
            // without which
            // index-only scans (counting a municipality's persons) still read the heap
            // pages
            log.info("Analysing and vacuuming the tables");
            String tables = "municipality, team, app_user, partner_organisation, provision, person, "
                    + "person_name_token, household, household_member, " + String.join(", ", facts.sent().keySet());
            execute(connection, "analyze " + tables);
            execute(connection, "vacuum " + tables);
            log.info(String.format(Locale.ROOT,
                    "Done in %s (writing %s): %,d municipalities, %,d persons, %,d name tokens, %,d households with "
                            + "%,d members. The database now holds %,d persons.",
                    Progress.clock(progress.elapsed()), Progress.clock(written), municipalities.size(),
                    totals.persons(), totals.tokens(), totals.households(), totals.members(),
                    count(connection, "select count(*) from person")));
            StringBuilder counts = new StringBuilder();
            facts.sent()
                .forEach((table, rows) -> counts.append(String.format(Locale.ROOT, "%n  %-28s %,12d", table, rows)));
            log.info(String.format(Locale.ROOT, "Rows of the modules' facts (%,d in all):%s", factRows, counts));
            Office largest = offices.get(0);
            for (Office office : offices) {
                largest = office.caseworkers().size() > largest.caseworkers().size() ? office : largest;
            }
            log.info(String.format(Locale.ROOT,
                    "Caseworker accounts: begeleider.<code>.<n>, a policy officer beleid.<code>, password 'demo'; "
                            + "the largest municipality, %s %s, " + "has %d (begeleider.%s.1 and on)",
                    largest.municipality().code(), largest.municipality().name(), largest.caseworkers().size(),
                    largest.municipality().code()));
            warnWithoutDemoAccounts(connection);
            return 0;
        }
        catch (SQLException | IOException | RuntimeException ex) {
            connection.rollback();
            throw ex;
        }
        finally {
            connection.setAutoCommit(true);
            execute(connection, "reset synchronous_commit");
        }
    }

    /**
     * The index of a municipality, drawn with a chance proportional to the persons it
     * still needs.
     */
    private static int pick(int[] remaining, long left, SplittableRandom random) {
        long draw = random.nextLong(left);
        for (int i = 0; i < remaining.length; i++) {
            draw -= remaining[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new IllegalStateException("remaining counts do not add up");
    }

    private void logPlan(List<Target> municipalities, int[] counts, long existing) {
        int largest = 0;
        int smallest = 0;
        for (int i = 0; i < counts.length; i++) {
            largest = counts[i] > counts[largest] ? i : largest;
            smallest = counts[i] < counts[smallest] ? i : smallest;
        }
        StringBuilder drechtsteden = new StringBuilder();
        for (int i = 0; i < counts.length; i++) {
            if (MunicipalityRoster.DRECHTSTEDEN.containsKey(municipalities.get(i).code())) {
                drechtsteden.append(String.format(Locale.ROOT, "%s %s %,d; ", municipalities.get(i).code(),
                        municipalities.get(i).name(), counts[i]));
            }
        }
        log.info(String.format(Locale.ROOT,
                "Generating %,d persons over %,d municipalities (the database holds %,d persons now). Largest: %s "
                        + "%s %,d; smallest: %s %s %,d. Drechtsteden: %s",
                settings.persons(), municipalities.size(), existing, municipalities.get(largest).code(),
                municipalities.get(largest).name(), counts[largest], municipalities.get(smallest).code(),
                municipalities.get(smallest).name(), counts[smallest], drechtsteden));
    }

    private static void warnWithoutDemoAccounts(Connection connection) throws SQLException {
        if (count(connection, "select count(*) from app_user where username = 'begeleider'") == 0) {
            log.warn("There is no account 'begeleider'. The search benchmark (bench/SearchBenchmark.java) logs in as "
                    + "a caseworker; by default it uses the demo accounts, which the demo setup (MEEDOEN_DEMO=true) "
                    + "creates when the application first starts on an empty database. Start the application once "
                    + "on an empty data directory before generating, or pass --user and --password of another "
                    + "caseworker to the benchmark.");
        }
    }

    private static boolean isSuperuser(Connection connection) throws SQLException {
        return count(connection, "select count(*) from pg_roles where rolname = current_user and rolsuper") > 0;
    }

    /** The synthetic numbers, with those already stored marked taken. */
    private static SyntheticNumbers numbersNotTaken(Connection connection) throws SQLException {
        SyntheticNumbers numbers = new SyntheticNumbers();
        try (PreparedStatement statement = connection.prepareStatement("""
                select bsn, v_number from person
                where bsn between ? and ? or v_number between ? and ?""")) {
            statement.setFetchSize(10_000);
            statement.setString(1, Long.toString(SyntheticNumbers.FIRST_BSN));
            statement.setString(2, Long.toString(SyntheticNumbers.LAST_BSN));
            statement.setString(3, Long.toString(SyntheticNumbers.FIRST_V_NUMBER));
            statement.setString(4, Long.toString(SyntheticNumbers.LAST_V_NUMBER));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String bsn = rs.getString(1);
                    String vNumber = rs.getString(2);
                    if (bsn != null) {
                        numbers.bsnTaken(Long.parseLong(bsn.strip()));
                    }
                    if (vNumber != null) {
                        numbers.vNumberTaken(Long.parseLong(vNumber.strip()));
                    }
                }
            }
        }
        return numbers;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

}
