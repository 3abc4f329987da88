package nl.meedoen.platform.database;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

import nl.meedoen.platform.Tenancy;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Tells PostgreSQL, each time a connection is borrowed, which municipality the current
 * work is for. Row-level security policies compare every row's {@code municipality_id}
 * with this setting, so a query that forgets its municipality filter still sees nothing
 * of another municipality.
 */
final class TenantAwareDataSource extends DelegatingDataSource implements Closeable {

    TenantAwareDataSource(DataSource pool) {
        super(pool);
    }

    /** Closes the pool underneath when the application stops. */
    @Override
    public void close() throws IOException {
        if (getTargetDataSource() instanceof Closeable pool) {
            pool.close();
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return withTenant(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return withTenant(super.getConnection(username, password));
    }

    private static Connection withTenant(Connection connection) throws SQLException {
        String municipality = Tenancy.current().map(UUID::toString).orElse("");
        try (PreparedStatement statement = connection
            .prepareStatement("select set_config('meedoen.municipality_id', ?, false)")) {
            statement.setString(1, municipality);
            statement.execute();
        }
        catch (SQLException ex) {
            connection.close();
            throw ex;
        }
        return connection;
    }

}
