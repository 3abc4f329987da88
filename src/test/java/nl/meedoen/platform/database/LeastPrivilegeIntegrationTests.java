package nl.meedoen.platform.database;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's connections log in as a role that owns nothing and can do no more
 * than the application needs: it cannot become the owner, create objects, change the
 * processing log other than by appending, or switch off row-level security; and a
 * municipality's work sees none of another municipality's accounts, teams, municipality
 * row or published events.
 */
@MeedoenIntegrationTest
class LeastPrivilegeIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    @Qualifier("owner")
    DataSource ownerDataSource;

    @Autowired
    Municipalities municipalities;

    JdbcTemplate app;

    JdbcTemplate owner;

    UUID sliedrecht;

    UUID dordrecht;

    @BeforeEach
    void setUp() {
        app = new JdbcTemplate(dataSource);
        owner = new JdbcTemplate(ownerDataSource);
        sliedrecht = municipalities.byCode("0610").orElseThrow().id();
        dordrecht = municipalities.byCode("0505").orElseThrow().id();
    }

    @Test
    void theApplicationLogsInAsARoleThatOwnsNothingAndIsAMemberOfNothing() {
        assertThat(app.queryForObject("select session_user::text || ' ' || current_user::text", String.class))
            .isEqualTo("meedoen_app meedoen_app");
        assertThat(app.queryForObject("""
                select rolcanlogin and not rolsuper and not rolcreaterole and not rolcreatedb and not rolbypassrls
                       and not rolinherit and not rolreplication
                from pg_roles where rolname = 'meedoen_app'""", Boolean.class)).isTrue();
        assertThat(owner.queryForObject("""
                select count(*) from pg_auth_members a join pg_roles r on r.oid = a.member
                where r.rolname = 'meedoen_app'""", Long.class)).as("roles meedoen_app is a member of").isZero();
        assertThat(owner.queryForObject("""
                select (select count(*) from pg_class where relowner = r.oid)
                     + (select count(*) from pg_proc where proowner = r.oid)
                     + (select count(*) from pg_namespace where nspowner = r.oid)
                from pg_roles r where r.rolname = 'meedoen_app'""", Long.class)).as("objects meedoen_app owns")
            .isZero();
    }

    @Test
    void theApplicationCannotBecomeTheOwner() {
        String tableOwner = owner.queryForObject("select tableowner::text from pg_tables where tablename = 'person'",
                String.class);
        String afterReset = app.execute((ConnectionCallback<String>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("reset role");
                statement.execute("reset session authorization");
            }
            return new JdbcTemplate(new SingleConnection(connection)).queryForObject("select current_user::text",
                    String.class);
        });
        assertThat(afterReset).isEqualTo("meedoen_app");
        refused("set role " + tableOwner);
        refused("set role postgres");
        refused("set session authorization " + tableOwner);
    }

    @Test
    void theApplicationCannotCreateObjects() {
        refused("create table intruder (id int)");
        refused("create temporary table intruder (id int)");
        refused("create schema intruder");
        refused("create function intruder() returns int language sql as 'select 1'");
    }

    @Test
    void theApplicationChangesTheProcessingLogOnlyByAppending() {
        Tenancy.runAs(sliedrecht, () -> {
            refused("update audit_entry set actor = 'x'");
            refused("delete from audit_entry");
            refused("truncate audit_entry");
            refused("update audit_link set hash = repeat('0', 64)");
            refused("delete from audit_link");
            refused("insert into audit_link (municipality_id, link_seq, entry_seq, hash) "
                    + "values (current_municipality(), 0, 0, repeat('0', 64))");
            refused("update audit_head set hash = repeat('0', 64)");
            refused("delete from audit_head");
            refused("truncate audit_link");
            refused("set meedoen.audit_pruning = 'on'; delete from audit_entry");
        });
    }

    @Test
    void theApplicationCannotSwitchOffRowLevelSecurity() {
        for (String table : List.of("person", "app_user", "team", "municipality", "event_publication", "audit_entry")) {
            refused("alter table " + table + " disable row level security");
            refused("alter table " + table + " no force row level security");
        }
        refused("drop policy person_of_municipality on person");
        refused("alter role meedoen_app bypassrls");
        refused("grant meedoen_app to postgres");
    }

    @Test
    void anotherMunicipalitysAccountsAndTeamsAreInvisibleAndItsMunicipalityUnchangeable() {
        for (String table : List.of("app_user", "team")) {
            long theirs = owner.queryForObject("select count(*) from " + table + " where municipality_id = ?",
                    Long.class, sliedrecht);
            assertThat(theirs).as(table + " rows of Sliedrecht").isPositive();
            assertThat(Tenancy.runAs(sliedrecht, () -> count(table, sliedrecht))).isEqualTo(theirs);
            assertThat(Tenancy.runAs(dordrecht, () -> count(table, sliedrecht))).as(table + " seen from Dordrecht")
                .isZero();
            assertThat(Tenancy.runAs(dordrecht,
                    () -> app.update(
                            "update " + table + " set municipality_id = municipality_id where municipality_id = ?",
                            sliedrecht)))
                .isZero();
        }
        assertThat(Tenancy.runAs(dordrecht,
                () -> app.update("update municipality set name = 'Overgenomen' where id = ?", sliedrecht)))
            .as("another municipality's row is not changed")
            .isZero();
        assertThat(Tenancy.runAs(dordrecht, () -> app.update("delete from municipality where id = ?", dordrecht)))
            .as("no municipality is removed")
            .isZero();
        assertThatThrownBy(
                () -> Tenancy.runAs(dordrecht,
                        () -> app.update("insert into municipality (id, code, name) values (?, '9998', 'Nieuw')",
                                UUID.randomUUID())))
            .rootCause()
            .hasMessageContaining("violates row-level security policy");
        assertThat(Tenancy.runAs(dordrecht,
                () -> app.queryForObject("select count(*) from app_user where username = 'begeleider'", Long.class)))
            .as("a Sliedrecht account by name, from Dordrecht")
            .isZero();
        assertThatThrownBy(() -> Tenancy.runAs(dordrecht,
                () -> app.update("insert into team (id, municipality_id, name) values (?, ?, 'Indringers')",
                        UUID.randomUUID(), sliedrecht)))
            .rootCause()
            .hasMessageContaining("violates row-level security policy");
    }

    @Test
    void anotherMunicipalitysPublishedEventsAreInvisible() {
        UUID event = UUID.randomUUID();
        Tenancy.runAs(sliedrecht, () -> app.update("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                               municipality_id)
                values (?, 'test.listener', 'test.Event', '{"personId":"x"}', now(), ?)""", event, dordrecht));
        assertThat(
                owner.queryForObject("select municipality_id from event_publication where id = ?", UUID.class, event))
            .as("the municipality the event was published in, not the one the publisher named")
            .isEqualTo(sliedrecht);
        assertThat(Tenancy.runAs(sliedrecht,
                () -> app.queryForObject("select count(*) from event_publication where id = ?", Long.class, event)))
            .isEqualTo(1);
        assertThat(Tenancy.runAs(dordrecht,
                () -> app.queryForObject("select count(*) from event_publication where id = ?", Long.class, event)))
            .isZero();
        assertThat(Tenancy.runAs(dordrecht,
                () -> app.update("update event_publication set completion_date = now() where id = ?", event)))
            .isZero();
        Tenancy.runAs(sliedrecht,
                () -> app.update("update event_publication set municipality_id = null where id = ?", event));
        assertThat(
                owner.queryForObject("select municipality_id from event_publication where id = ?", UUID.class, event))
            .as("an update keeps the municipality")
            .isEqualTo(sliedrecht);
        owner.update("delete from event_publication where id = ?", event);
    }

    @Test
    void theDbaScriptRefusesToRunWithoutAPassword() {
        assertThatThrownBy(() -> owner.execute((ConnectionCallback<Void>) connection -> {
            connection.setAutoCommit(false);
            try {
                DatabaseConfiguration.createRoles(connection, "short");
            }
            catch (java.io.IOException ex) {
                throw new IllegalStateException(ex);
            }
            finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            return null;
        })).hasMessageContaining("at least 16 characters");
    }

    private long count(String table, UUID municipality) {
        Long count = app.queryForObject("select count(*) from " + table + " where municipality_id = ?", Long.class,
                municipality);
        return count == null ? 0 : count;
    }

    private void refused(String sql) {
        assertThatThrownBy(() -> app.execute(sql)).as(sql)
            .rootCause()
            .hasMessageMatching("(?s).*(permission denied|must be owner|"
                    + "not allowed|must be able to SET ROLE|append-only|must have admin option|must be superuser|"
                    + "row-level security).*");
    }

    /** Runs statements on the one connection a callback holds. */
    private static final class SingleConnection extends org.springframework.jdbc.datasource.SingleConnectionDataSource {

        SingleConnection(Connection connection) {
            super(connection, true);
        }

    }

}
