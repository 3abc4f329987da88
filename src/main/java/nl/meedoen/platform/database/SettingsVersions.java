package nl.meedoen.platform.database;

import java.util.Set;
import java.util.UUID;

import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.VersionRequiredException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The optimistic lock of a module's settings row (one per municipality, with a
 * {@code version} column; no row is version 0): a settings page shows the version it read
 * in a hidden field and changes only that version. Two saves at once are serialised on
 * the municipality's row, so the second one is refused instead of overwriting the first.
 * The module passes its own table; the change itself stays the module's.
 */
@Component
public class SettingsVersions {

    private static final Set<String> TABLES = Set.of("housing_setting", "plan_setting", "network_setting");

    private final JdbcClient jdbc;

    SettingsVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The version of the current municipality's settings in {@code table}, 0 without a
     * row.
     */
    @Transactional(readOnly = true)
    public int current(String table) {
        return jdbc.sql("select version from " + known(table) + " where municipality_id = :m")
            .param("m", Tenancy.require())
            .query(Integer.class)
            .optional()
            .orElse(0);
    }

    /**
     * Runs the module's change of its settings and counts the version up, in one
     * transaction; the change is rolled back when {@code version} is missing (428) or not
     * the current one (412).
     */
    @Transactional
    public void change(String table, @Nullable Integer version, Runnable change) {
        UUID municipality = Tenancy.require();
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
            .param("key", known(table) + ":" + municipality)
            .query((rs, i) -> 1)
            .list();
        int current = current(table);
        // The module's own rules answer first; a refused version then rolls its change
        // back.
        change.run();
        if (version == null) {
            throw new VersionRequiredException();
        }
        if (current != version) {
            throw new StaleVersionException();
        }
        jdbc.sql("update " + table + " set version = :v + 1 where municipality_id = :m")
            .param("v", version)
            .param("m", municipality)
            .update();
    }

    private static String known(String table) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("not a versioned settings table: " + table);
        }
        return table;
    }

}
