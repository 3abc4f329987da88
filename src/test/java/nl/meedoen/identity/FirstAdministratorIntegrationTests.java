package nl.meedoen.identity;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import nl.meedoen.MeedoenApplication;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.SecondApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production installation on an empty external database: Flyway builds the schema, no
 * demo data appears, and the first administrator is created from the bootstrap settings.
 */
@MeedoenIntegrationTest
class FirstAdministratorIntegrationTests {

    /** A production start needs its own key for the processing log's chain. */
    private static final String PRODUCTION_AUDIT_KEY = "--meedoen.audit.key=test-only-production-audit-key-of-enough-length";

    @Autowired
    @Qualifier("owner")
    HikariDataSource owner;

    /**
     * The application pool, whose password for the login role {@code meedoen_app} the
     * second application needs (an external server checks it; the embedded one trusts
     * local connections).
     */
    @Autowired
    DataSource dataSource;

    @Test
    void anEmptyProductionDatabaseGetsItsFirstAdministratorAndNoDemoData() {
        JdbcTemplate server = new JdbcTemplate(owner);
        server.execute("drop database if exists meedoen_bootstrap");
        server.execute("create database meedoen_bootstrap");
        String url = owner.getJdbcUrl().replaceFirst("/postgres(\\?|$)", "/meedoen_bootstrap$1");

        try (ConfigurableApplicationContext production = new SpringApplicationBuilder(MeedoenApplication.class).run(
                "--meedoen.demo=false", "--server.port=0", PRODUCTION_AUDIT_KEY,
                SecondApplication.appPasswordArgument(dataSource), "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + owner.getUsername(),
                "--spring.datasource.password=" + owner.getPassword(), "--meedoen.bootstrap.municipality-code=0482",
                "--meedoen.bootstrap.municipality-name=Alblasserdam",
                "--meedoen.bootstrap.admin-password=Zomer-Alblasserdam-2026")) {
            JdbcTemplate installed = new JdbcTemplate(production.getBean("ownerDataSource", HikariDataSource.class));

            assertThat(installed.queryForList("select username || ':' || role from app_user", String.class))
                .containsExactly("beheerder:ADMIN");
            assertThat(installed.queryForObject("select name from municipality where code = '0482'", String.class))
                .isEqualTo("Alblasserdam");
            assertThat(installed.queryForObject("select count(*) from person", Long.class)).isZero();
        }
    }

    @Test
    void aProductionDatabaseBootstrappedAsTheDemoMunicipalityGetsNoDemoDataWithoutTheFlag() {
        JdbcTemplate server = new JdbcTemplate(owner);
        server.execute("drop database if exists meedoen_bootstrap_sliedrecht");
        server.execute("create database meedoen_bootstrap_sliedrecht");
        String url = owner.getJdbcUrl().replaceFirst("/postgres(\\?|$)", "/meedoen_bootstrap_sliedrecht$1");

        try (ConfigurableApplicationContext production = new SpringApplicationBuilder(MeedoenApplication.class).run(
                "--server.port=0", PRODUCTION_AUDIT_KEY, SecondApplication.appPasswordArgument(dataSource),
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + owner.getUsername(),
                "--spring.datasource.password=" + owner.getPassword(), "--meedoen.bootstrap.municipality-code=0610",
                "--meedoen.bootstrap.municipality-name=Sliedrecht",
                "--meedoen.bootstrap.admin-password=Winter-Sliedrecht-2026")) {
            JdbcTemplate installed = new JdbcTemplate(production.getBean("ownerDataSource", HikariDataSource.class));

            assertThat(production.getEnvironment().getProperty("meedoen.demo")).isEqualTo("false");
            assertThat(installed.queryForList("select username from app_user", String.class))
                .containsExactly("beheerder");
            assertThat(installed.queryForObject("select count(*) from person", Long.class)).isZero();
        }
    }

}
