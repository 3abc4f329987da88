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

    private final @Nullable EmbeddedPostgres embedded;

    DatabaseServer(String url, String username, String password, @Nullable EmbeddedPostgres embedded) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
    }

    HikariConfig poolConfig(String poolName) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        return config;
    }

    @Override
    public void destroy() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

}
