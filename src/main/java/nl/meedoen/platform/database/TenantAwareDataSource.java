package nl.meedoen.platform.database;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import javax.sql.DataSource;

import nl.meedoen.platform.Tenancy;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Tells PostgreSQL, each time a connection is borrowed, which municipality the current
 * work is for. Row-level security policies compare every row's {@code municipality_id}
 * with this setting, so a query that forgets its municipality filter still sees nothing
 * of another municipality. With it go the team a caseworker or team lead is limited to
 * (need-to-know, {@code meedoen.team_id}) and today by the application's clock
 * ({@code meedoen.today}), which the policies on persons compare with.
 */
final class TenantAwareDataSource extends DelegatingDataSource implements Closeable {

    private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

    private final Clock clock;

    /**
     * The scope each physical connection of the pool was last given, weakly held: a
     * connection the pool retires is forgotten with it.
     */
    private final Map<Connection, Scope> known = Collections.synchronizedMap(new WeakHashMap<>());

    TenantAwareDataSource(DataSource pool, Clock clock) {
        super(pool);
        this.clock = clock;
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
        Scope scope = currentScope();
        return withTenant(super.getConnection(), scope);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Scope scope = currentScope();
        return withTenant(super.getConnection(username, password), scope);
    }

    /**
     * The municipality of the current work, found before a connection is borrowed.
     * Finding it may itself need the database — the logged-in user is read from the login
     * session, which lives in a table — and that nested borrow gets no municipality (the
     * session table has no row-level security) instead of asking again, which would
     * recurse. Resolving first means a request never holds one connection while it waits
     * for a second.
     */
    private Scope currentScope() {
        String today = LocalDate.now(clock).toString();
        if (RESOLVING.get() != null) {
            return new Scope("", "", today);
        }
        RESOLVING.set(Boolean.TRUE);
        try {
            String municipality = Tenancy.current().map(UUID::toString).orElse("");
            String team = municipality.isEmpty() ? "" : Tenancy.teamScope().map(UUID::toString).orElse("");
            return new Scope(municipality, team, today);
        }
        finally {
            RESOLVING.remove();
        }
    }

    private record Scope(String municipality, String team, String today) {
    }

    /**
     * Tells the connection its scope, unless its physical connection already has it: the
     * settings are session-level ({@code is_local} false) and set outside any transaction
     * (a connection comes from the pool in autocommit), so they stay until the next
     * borrow changes them. A page borrows a connection for each of its transactions (a
     * file page about 25 times); for the same user most borrows need no round trip.
     */
    private Connection withTenant(Connection connection, Scope scope) throws SQLException {
        Connection physical = connection.unwrap(Connection.class);
        if (scope.equals(known.get(physical))) {
            return connection;
        }
        boolean autoCommit = connection.getAutoCommit();
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('meedoen.municipality_id', ?, false), set_config('meedoen.team_id', ?, false), "
                        + "set_config('meedoen.today', ?, false)")) {
            statement.setString(1, scope.municipality());
            statement.setString(2, scope.team());
            statement.setString(3, scope.today());
            statement.execute();
        }
        catch (SQLException ex) {
            known.remove(physical);
            connection.close();
            throw ex;
        }
        if (autoCommit) {
            known.put(physical, scope);
        }
        else {
            known.remove(physical);
        }
        return connection;
    }

}
