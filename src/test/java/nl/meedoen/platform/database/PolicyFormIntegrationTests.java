package nl.meedoen.platform.database;

import java.util.List;

import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row-level security policy asks for the connection's municipality and team in a
 * sub-select, which PostgreSQL evaluates once per statement (V293), not as a bare call,
 * which it evaluates for every row it filters (24 of 32 ms when a caseworker of the
 * largest municipality counts its open files). A new policy written with the bare call
 * fails here.
 */
@MeedoenIntegrationTest
class PolicyFormIntegrationTests {

    @Autowired
    JdbcClient db;

    @Test
    void everyPolicyAsksTheMunicipalityAndTeamOncePerStatement() {
        List<String> perRow = db
            .sql("""
                    select c.relname || '.' || p.polname
                      from pg_policy p
                      join pg_class c on c.oid = p.polrelid
                      join pg_namespace n on n.oid = c.relnamespace
                     where n.nspname = current_schema()
                       and regexp_replace(coalesce(pg_get_expr(p.polqual, p.polrelid), '') || ' '
                                          || coalesce(pg_get_expr(p.polwithcheck, p.polrelid), ''),
                                          '\\(\\s*select\\s+current_(municipality|team)\\(\\)(\\s+as\\s+current_\\w+)?\\s*\\)',
                                          '', 'gi') ~ 'current_(municipality|team)\\('
                     order by 1""")
            .query(String.class)
            .list();

        assertThat(perRow).as("policies that call current_municipality() or current_team() for every row").isEmpty();
        assertThat(db.sql("select count(*) from pg_policy").query(Long.class).single()).isGreaterThan(100);
    }

}
