package nl.meedoen.platform.database;

import java.io.IOException;

import com.zaxxer.hikari.HikariConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;

/**
 * The PostgreSQL server Meedoen talks to; stops the embedded one, if any, when the
 * application stops.
 */
final class DatabaseServer implements DisposableBean {

    private final String url;

    private final String username;

    private final String password;

    private final String applicationPassword;

    private final @Nullable EmbeddedPostgres embedded;

    /**
     * @param username the owner of the schema, who runs the migrations
     * @param applicationPassword the password of the application's own login role
     * ({@value DatabaseConfiguration#APPLICATION_ROLE})
     */
    DatabaseServer(String url, String username, String password, String applicationPassword,
            @Nullable EmbeddedPostgres embedded) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.applicationPassword = applicationPassword;
        this.embedded = embedded;
    }

    /** A pool that logs in as the owner of the schema. */
    HikariConfig ownerPoolConfig(String poolName) {
        return poolConfig(poolName, username, password);
    }

    /**
     * A pool that logs in as the application role, which owns nothing and is held by
     * row-level security.
     */
    HikariConfig applicationPoolConfig(String poolName) {
        return poolConfig(poolName, DatabaseConfiguration.APPLICATION_ROLE, applicationPassword);
    }

    private HikariConfig poolConfig(String poolName, String user, String secret) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(secret);
        return config;
    }

    @Override
    public void destroy() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

}
