package nl.meedoen.platform.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

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
import org.springframework.util.StringUtils;

/**
 * Two connection pools on one PostgreSQL database.
 * <ul>
 * <li>The <em>owner</em> pool (small) runs the Flyway migrations and owns the
 * tables.</li>
 * <li>The <em>application</em> pool (primary) switches every connection to the role
 * {@code meedoen_app}, which is subject to row-level security, and tells PostgreSQL the
 * municipality of the current work each time a connection is borrowed.</li>
 * </ul>
 * Without {@code spring.datasource.url} an embedded PostgreSQL is started whose data
 * directory persists between runs ({@code meedoen.embedded-postgres.data-directory});
 * with it, that server is used and nothing embedded starts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    static final String APPLICATION_ROLE = "meedoen_app";

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    DatabaseServer databaseServer(@Value("${spring.datasource.url:}") String url,
            @Value("${spring.datasource.username:}") String username,
            @Value("${spring.datasource.password:}") String password,
            @Value("${meedoen.embedded-postgres.data-directory:./data/postgres}") String dataDirectory,
            @Value("${meedoen.embedded-postgres.persistent:true}") boolean persistent,
            @Value("${meedoen.embedded-postgres.port:0}") int port) throws IOException {
        if (StringUtils.hasText(url)) {
            log.info("Using the external PostgreSQL server configured by spring.datasource.url");
            return new DatabaseServer(url, username, password, null);
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
            Path directory = Path.of(dataDirectory).toAbsolutePath().normalize();
            Files.createDirectories(directory);
            builder.setDataDirectory(directory).setCleanDataDirectory(false);
            log.info("Starting embedded PostgreSQL with data directory {}", directory);
        }
        else {
            log.info("Starting embedded PostgreSQL with a throw-away data directory");
        }
        EmbeddedPostgres postgres = builder.start();
        return new DatabaseServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", postgres);
    }

    @Bean
    @FlywayDataSource
    @Qualifier("owner")
    HikariDataSource ownerDataSource(DatabaseServer server) {
        HikariConfig config = server.poolConfig("meedoen-owner");
        config.setMaximumPoolSize(3);
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    @Bean
    @Primary
    DataSource dataSource(DatabaseServer server,
            @Value("${meedoen.datasource.maximum-pool-size:20}") int maximumPoolSize, Clock clock) {
        HikariConfig config = server.poolConfig("meedoen-app");
        config.setMaximumPoolSize(maximumPoolSize);
        config.setConnectionInitSql("set role " + APPLICATION_ROLE);
        // The pool starts on first use, after Flyway has created the application role.
        HikariDataSource pool = new HikariDataSource();
        config.copyStateTo(pool);
        return new TenantAwareDataSource(pool, clock);
    }

}
