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

    private final DataSource owner;

    private final DatagenSettings settings;

    private final Clock clock;

    DatasetGenerator(@Qualifier("owner") DataSource owner, DatagenSettings settings, Clock clock) {
        this.owner = owner;
        this.settings = settings;
        this.clock = clock;
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
            if (!bypassesRowLevelSecurity(connection)) {
                log.error("The generator writes with COPY, which PostgreSQL allows on tables with row-level "
                        + "security only for a role that bypasses it (superuser or BYPASSRLS). The owner role of "
                        + "this database does not; run the generator against the embedded PostgreSQL or with such "
                        + "a role.");
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
            PersonFactory factory = new PersonFactory(random, numbers, LocalDate.now(clock));
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
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
                remaining[index] -= unit.persons().size();
                left -= unit.persons().size();
                if (chunk.persons() >= CHUNK_PERSONS || left == 0) {
                    totals = totals.plus(chunk.send(copy));
                    connection.commit();
                    progress.update(totals.persons(), totals.rows());
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
            String tables = "municipality, team, person, person_name_token, household, household_member";
            execute(connection, "analyze " + tables);
            execute(connection, "vacuum " + tables);
            log.info(String.format(Locale.ROOT,
                    "Done in %s (writing %s): %,d municipalities, %,d persons, %,d name tokens, %,d households with "
                            + "%,d members. The database now holds %,d persons.",
                    Progress.clock(progress.elapsed()), Progress.clock(written), municipalities.size(),
                    totals.persons(), totals.tokens(), totals.households(), totals.members(),
                    count(connection, "select count(*) from person")));
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

    private static boolean bypassesRowLevelSecurity(Connection connection) throws SQLException {
        return count(connection,
                "select count(*) from pg_roles where rolname = current_user and (rolsuper or rolbypassrls)") > 0;
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
