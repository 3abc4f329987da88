package nl.meedoen.identity;

import java.util.concurrent.atomic.AtomicBoolean;

import com.zaxxer.hikari.HikariDataSource;
import nl.meedoen.MeedoenApplication;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

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

    /**
     * The application's own login role, which the DBA script creates on an external
     * database (here: the test's server, where the shared context already ran it).
     */
    private static final String APP_PASSWORD = "--meedoen.datasource.app-password=test-only-app-password";

    @Autowired
    @Qualifier("owner")
    HikariDataSource owner;

    @Test
    void aProductionSetupRefusesToStartWhileDemoPasswordsRemain() {
        SpringApplicationBuilder production = new SpringApplicationBuilder(MeedoenApplication.class);

        assertThatThrownBy(() -> production.run("--meedoen.demo=false", "--server.port=0", PRODUCTION_AUDIT_KEY,
                APP_PASSWORD, "--spring.datasource.url=" + owner.getJdbcUrl(),
                "--spring.datasource.username=" + owner.getUsername(),
                "--spring.datasource.password=" + owner.getPassword()))
            .hasMessage(
                    "Meedoen does not start outside the demo setup (meedoen.demo=false) while accounts still have the "
                            + "demo password: begeleider, begeleider.dordrecht, begeleider.oost, beheerder, beleid, coordinator, partner, privacy, "
                            + "teamleider. Change their passwords or remove these accounts first.");
    }

    @Test
    void anExternalDatabaseIsNoDemoUnlessSaidSoAndIsRefusedBeforeTheServerListens() {
        AtomicBoolean listening = new AtomicBoolean();
        SpringApplicationBuilder forgotTheFlag = new SpringApplicationBuilder(MeedoenApplication.class)
            .listeners((ApplicationListener<WebServerInitializedEvent>) started -> listening.set(true));

        assertThatThrownBy(() -> forgotTheFlag.run("--server.port=0", PRODUCTION_AUDIT_KEY, APP_PASSWORD,
                "--spring.datasource.url=" + owner.getJdbcUrl(), "--spring.datasource.username=" + owner.getUsername(),
                "--spring.datasource.password=" + owner.getPassword()))
            .hasMessageStartingWith("Meedoen does not start outside the demo setup (meedoen.demo=false)");
        assertThat(listening).as("the web server never started").isFalse();
    }

}
