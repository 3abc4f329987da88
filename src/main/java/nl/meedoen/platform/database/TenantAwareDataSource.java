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

    private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

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
        String municipality = currentMunicipality();
        return withTenant(super.getConnection(), municipality);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        String municipality = currentMunicipality();
        return withTenant(super.getConnection(username, password), municipality);
    }

    /**
     * The municipality of the current work, found before a connection is borrowed.
     * Finding it may itself need the database — the logged-in user is read from the login
     * session, which lives in a table — and that nested borrow gets no municipality (the
     * session table has no row-level security) instead of asking again, which would
     * recurse. Resolving first means a request never holds one connection while it waits
     * for a second.
     */
    private static String currentMunicipality() {
        if (RESOLVING.get() != null) {
            return "";
        }
        RESOLVING.set(Boolean.TRUE);
        try {
            return Tenancy.current().map(UUID::toString).orElse("");
        }
        finally {
            RESOLVING.remove();
        }
    }

    private static Connection withTenant(Connection connection, String municipality) throws SQLException {
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
