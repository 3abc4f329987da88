package nl.meedoen.identity;

import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import nl.meedoen.MeedoenApplication;
import nl.meedoen.support.MeedoenIntegrationTest;
import nl.meedoen.support.SecondApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A non-demo setup pointed at a database whose accounts still have the demo password
 * refuses to start. The second application connects to the test database as an external
 * server, so this also proves that an external PostgreSQL is used without starting an
 * embedded one.
 */
@MeedoenIntegrationTest
class DemoPasswordGuardIntegrationTests {

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
    void aProductionSetupRefusesToStartWhileDemoPasswordsRemain() {
        SpringApplicationBuilder production = new SpringApplicationBuilder(MeedoenApplication.class);

        assertThatThrownBy(() -> production.run("--meedoen.demo=false", "--server.port=0", PRODUCTION_AUDIT_KEY,
                SecondApplication.appPasswordArgument(dataSource), "--spring.datasource.url=" + owner.getJdbcUrl(),
                "--spring.datasource.username=" + owner.getUsername(),
                "--spring.datasource.password=" + owner.getPassword()))
            .hasMessageStartingWith("Meedoen does not start outside the demo setup (meedoen.demo=false) while accounts "
                    + "still have the demo password: begeleider, begeleider.dordrecht, begeleider.oost, beheerder, beleid, ")
            .hasMessageContaining("teamleider")
            .hasMessageEndingWith(". Change their passwords or remove these accounts first.");
    }

    @Test
    void anExternalDatabaseIsNoDemoUnlessSaidSoAndIsRefusedBeforeTheServerListens() {
        AtomicBoolean listening = new AtomicBoolean();
        SpringApplicationBuilder forgotTheFlag = new SpringApplicationBuilder(MeedoenApplication.class)
            .listeners(event -> {
                if (event instanceof WebServerInitializedEvent) {
                    listening.set(true);
                }
            });

        assertThatThrownBy(() -> forgotTheFlag.run("--server.port=0", PRODUCTION_AUDIT_KEY,
                SecondApplication.appPasswordArgument(dataSource), "--spring.datasource.url=" + owner.getJdbcUrl(),
                "--spring.datasource.username=" + owner.getUsername(),
                "--spring.datasource.password=" + owner.getPassword()))
            .hasMessageStartingWith("Meedoen does not start outside the demo setup (meedoen.demo=false)");
        assertThat(listening).as("the web server never started").isFalse();
    }

}
