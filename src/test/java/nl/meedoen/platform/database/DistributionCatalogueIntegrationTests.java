package nl.meedoen.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The schema is ready for a distributed PostgreSQL (Citus) that places each
 * municipality's rows on one node: every table holds a municipality_id (not null) and
 * every primary key, unique rule and foreign key between such tables includes it, unless
 * the table is registered as shared ({@code distribution_table}, V150). The catalogue
 * query {@code db/dba/distribution-check.sql} names each table that breaks the rule with
 * its fix; docs/scale-out.md says what it is for.
 */
@MeedoenIntegrationTest
class DistributionCatalogueIntegrationTests {

    private static final String CHECK = "db/dba/distribution-check.sql";

    @Autowired
    @Qualifier("owner")
    DataSource owner;

    @Autowired
    Municipalities municipalities;

    @Test
    void everyKeyOfAMunicipalitysTableIncludesMunicipalityId() throws Exception {
        try (Connection connection = owner.getConnection()) {
            assertThat(findings(connection, true)).as("""
                    Tables a distributed PostgreSQL could not distribute by municipality_id (docs/scale-out.md).
                    A table that holds a municipality's data: give it municipality_id (not null) and end its migration \
                    with "select distribution_keys();", which rebuilds its primary key, unique rules and foreign keys \
                    to include municipality_id. A table every municipality shares: insert a row for it into \
                    distribution_table (kind reference or local, with the reason) in its migration. Per table""")
                .isEmpty();
        }
    }

    @Test
    void aNewTableWithOrdinaryKeysIsNamedWithItsFixAndDistributionKeysMendsIt() throws Exception {
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            try {
                execute(connection, """
                        create table probe_parent (id uuid primary key, municipality_id uuid not null);
                        create table probe_child (id uuid primary key, municipality_id uuid not null,
                            parent_id uuid references probe_parent (id) on delete set null, code text unique);
                        create unique index probe_child_one_open on probe_child (parent_id) where code is null;
                        create table probe_shared (code text primary key)""");
                assertThat(problems(connection)).containsExactly(
                        "probe_child: foreign key probe_child_parent_id_fkey (FOREIGN KEY (parent_id) REFERENCES "
                                + "probe_parent(id) ON DELETE SET NULL) does not pair municipality_id with the "
                                + "municipality_id of probe_parent",
                        "probe_child: primary key probe_child_pkey (PRIMARY KEY (id)) lacks municipality_id",
                        "probe_child: unique constraint probe_child_code_key (UNIQUE (code)) lacks municipality_id",
                        "probe_child: unique index probe_child_one_open lacks municipality_id",
                        "probe_parent: primary key probe_parent_pkey (PRIMARY KEY (id)) lacks municipality_id",
                        "probe_shared: holds no municipality_id column");
                assertThat(fixes(connection)).allSatisfy(fix -> assertThat(fix)
                    .containsAnyOf("select distribution_keys();", "insert into distribution_table"));

                execute(connection, "select distribution_keys()");
                assertThat(problems(connection)).containsExactly("probe_shared: holds no municipality_id column");
                assertThat(definition(connection, "probe_child_parent_id_fkey"))
                    .isEqualTo("FOREIGN KEY (parent_id, municipality_id) REFERENCES probe_parent(id, municipality_id) "
                            + "ON DELETE SET NULL (parent_id)");
                assertThat(definition(connection, "probe_child_pkey")).isEqualTo("PRIMARY KEY (id, municipality_id)");

                execute(connection, "insert into distribution_table (table_name, kind, reason) "
                        + "values ('probe_shared', 'reference', 'codes every municipality reads')");
                assertThat(problems(connection)).isEmpty();
            }
            finally {
                connection.rollback();
            }
        }
    }

    @Test
    void aRowCannotPointAtAnotherMunicipalitysRow() throws Exception {
        UUID sliedrecht = municipalities.byCode("0610").orElseThrow().id();
        UUID dordrecht = municipalities.byCode("0505").orElseThrow().id();
        try (Connection connection = owner.getConnection()) {
            connection.setAutoCommit(false);
            try {
                UUID household = UUID.randomUUID();
                try (PreparedStatement insert = connection
                    .prepareStatement("insert into household (id, municipality_id, version) values (?, ?, 0)")) {
                    insert.setObject(1, household);
                    insert.setObject(2, sliedrecht);
                    insert.executeUpdate();
                }
                UUID dordrechtsPerson;
                try (PreparedStatement select = connection
                    .prepareStatement("select id from person where municipality_id = ? limit 1")) {
                    select.setObject(1, dordrecht);
                    try (ResultSet rows = select.executeQuery()) {
                        assertThat(rows.next()).as("a person in Dordrecht's demo data").isTrue();
                        dordrechtsPerson = rows.getObject(1, UUID.class);
                    }
                }
                try (PreparedStatement insert = connection
                    .prepareStatement("insert into household_member (municipality_id, household_id, person_id, role, "
                            + "since) values (?, ?, ?, 'HEAD', current_date)")) {
                    insert.setObject(1, sliedrecht);
                    insert.setObject(2, household);
                    insert.setObject(3, dordrechtsPerson);
                    assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
                        .hasMessageContaining("household_member_person_id_fkey");
                }
            }
            finally {
                connection.rollback();
            }
        }
    }

    private static List<String> problems(Connection connection) throws SQLException, IOException {
        return findings(connection, false);
    }

    private static List<String> fixes(Connection connection) throws SQLException, IOException {
        List<String> fixes = new ArrayList<>();
        for (String finding : findings(connection, true)) {
            fixes.add(finding.substring(finding.indexOf(" -> fix: ")));
        }
        return fixes;
    }

    /** The rows of the catalogue check: "table: problem", with " -> fix: …" if asked. */
    private static List<String> findings(Connection connection, boolean withFix) throws SQLException, IOException {
        List<String> findings = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(check())) {
            while (rows.next()) {
                findings.add(rows.getString("table_name") + ": " + rows.getString("problem")
                        + (withFix ? " -> fix: " + rows.getString("fix") : ""));
            }
        }
        return findings;
    }

    private static String definition(Connection connection, String constraint) throws SQLException {
        try (PreparedStatement select = connection
            .prepareStatement("select pg_get_constraintdef(oid) from pg_constraint where conname = ?")) {
            select.setString(1, constraint);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).as(constraint).isTrue();
                return rows.getString(1);
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String check() throws IOException {
        return new ClassPathResource(CHECK).getContentAsString(StandardCharsets.UTF_8);
    }

}
