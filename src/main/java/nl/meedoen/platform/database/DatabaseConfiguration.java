package nl.meedoen.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.jdbc.config.annotation.SpringSessionDataSource;
import org.springframework.session.jdbc.config.annotation.SpringSessionTransactionManager;
import org.springframework.util.StringUtils;

/**
 * Two connection pools on one PostgreSQL database.
 * <ul>
 * <li>The <em>owner</em> pool (small) logs in as the owner of the schema
 * ({@code spring.datasource.username}) and runs the Flyway migrations.</li>
 * <li>The <em>application</em> pool (primary) logs in as the role {@code meedoen_app}
 * ({@code meedoen.datasource.app-password}), which owns nothing, is a member of no other
 * role and is subject to row-level security, and tells PostgreSQL the municipality of the
 * current work each time a connection is borrowed. An injected statement can neither
 * {@code RESET ROLE} to the owner nor change a table's policies.</li>
 * </ul>
 * Without {@code spring.datasource.url} an embedded PostgreSQL is started whose data
 * directory persists between runs ({@code meedoen.embedded-postgres.data-directory}); its
 * superuser owns the schema, and the DBA script {@value #ROLES_SCRIPT} gives the
 * application role a fresh random password at every start. With it, that server is used
 * and nothing embedded starts: its DBA runs the same script once (README, "External
 * database").
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    static final String APPLICATION_ROLE = "meedoen_app";

    static final String ROLES_SCRIPT = "db/dba/meedoen-roles.sql";

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    DatabaseServer databaseServer(@Value("${spring.datasource.url:}") String url,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password,
            @Value("${meedoen.datasource.app-password:}") String applicationPassword,
            @Value("${meedoen.embedded-postgres.data-directory:./data/postgres}") String dataDirectory,
            @Value("${meedoen.embedded-postgres.persistent:true}") boolean persistent,
            @Value("${meedoen.embedded-postgres.port:0}") int port) throws IOException {
        if (StringUtils.hasText(url)) {
            log.info("Using the external PostgreSQL server configured by spring.datasource.url");
            if (applicationPassword.length() < 16) {
                throw new IllegalStateException("An external database needs the password of the application role "
                        + APPLICATION_ROLE + " in meedoen.datasource.app-password (MEEDOEN_DB_APP_PASSWORD), at least "
                        + "16 characters; the DBA creates the role with " + ROLES_SCRIPT + " (see README)");
            }
            return new DatabaseServer(url, username, password, applicationPassword, null);
        }
        // Spring stops the server (DatabaseServer#destroy) after the beans that still use
        // the database on shutdown.
        // The library's own JVM shutdown hook would stop it concurrently, before them, so
        // those beans would wait
        // for a connection until the pool times out.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
            .setRegisterShutdownHook(false)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setServerConfig("max_connections", "100")
            .setServerConfig("shared_buffers", "256MB");
        if (port > 0) {
            builder.setPort(port);
        }
        if (persistent) {
            // The library turns synchronous_commit off for tests' sake; a persistent
            // database must not acknowledge a commit that a crash could still lose
            // (bench/CrashSafety lost the last writes before a kill -9 without this).
            builder.setServerConfig("synchronous_commit", "on");
            Path directory = Path.of(dataDirectory).toAbsolutePath().normalize();
            Files.createDirectories(directory);
            builder.setDataDirectory(directory).setCleanDataDirectory(false);
            log.info("Starting embedded PostgreSQL with data directory {}", directory);
        }
        else {
            log.info("Starting embedded PostgreSQL with a throw-away data directory");
        }
        EmbeddedPostgres postgres = builder.start();
        String secret = StringUtils.hasText(applicationPassword) ? applicationPassword : randomPassword();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            createRoles(connection, secret);
        }
        catch (SQLException ex) {
            postgres.close();
            throw new IllegalStateException("Could not create the application role on the embedded database", ex);
        }
        // The address names no user: each pool logs in as its own role.
        return new DatabaseServer("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres",
                "postgres", secret, postgres);
    }

    /**
     * Runs the DBA script as the embedded server's superuser, which owns the schema.
     */
    static void createRoles(Connection connection, String applicationPassword) throws SQLException, IOException {
        String script = new ClassPathResource(ROLES_SCRIPT).getContentAsString(StandardCharsets.UTF_8);
        try (PreparedStatement set = connection.prepareStatement("select set_config('meedoen.app_password', ?, false)");
                Statement statement = connection.createStatement()) {
            set.setString(1, applicationPassword);
            set.execute();
            statement.execute(script);
            statement.execute("reset meedoen.app_password");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Bean
    @FlywayDataSource
    @Qualifier("owner")
    HikariDataSource ownerDataSource(DatabaseServer server) {
        HikariConfig config = server.ownerPoolConfig("meedoen-owner");
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    /**
     * The application role's pool itself, without the municipality settings: the login
     * sessions' store ({@code spring_session}, no row-level security) reads and writes
     * through it. A session is read before its user is known, and on the tenant-aware
     * data source every borrow asks for the user, whose security context lives in that
     * very session: each request read its session three times (twice nested in the first
     * read, once more when it was saved).
     */
    @Bean
    @SpringSessionDataSource
    HikariDataSource applicationPool(DatabaseServer server,
            @Value("${meedoen.datasource.maximum-pool-size:20}") int maximumPoolSize) {
        HikariConfig config = server.applicationPoolConfig("meedoen-app");
        config.setMaximumPoolSize(maximumPoolSize);
        // The pool starts on first use, after Flyway has granted the application role its
        // rights.
        HikariDataSource pool = new HikariDataSource();
        config.copyStateTo(pool);
        return pool;
    }

    @Bean
    @Primary
    DataSource dataSource(@SpringSessionDataSource HikariDataSource applicationPool, Clock clock) {
        return new TenantAwareDataSource(applicationPool, clock);
    }

    /** The application's transactions, on the tenant-aware data source. */
    @Bean
    @Primary
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    /** The login sessions' transactions, on the pool itself. */
    @Bean
    @SpringSessionTransactionManager
    DataSourceTransactionManager sessionTransactionManager(@SpringSessionDataSource HikariDataSource applicationPool) {
        return new DataSourceTransactionManager(applicationPool);
    }

}
