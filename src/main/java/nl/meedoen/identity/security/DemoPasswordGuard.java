package nl.meedoen.identity.security;

import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Outside the demo setup, Meedoen refuses to start while any account still has the demo
 * password: a production system with a known password is worse than one that does not
 * start. The check runs once every bean is made (the migrations have run) and before the
 * web server starts, so not one request reaches an installation that fails it.
 */
@Component
class DemoPasswordGuard implements SmartInitializingSingleton {

    static final String DEMO_PASSWORD = "demo";

    private final JdbcClient jdbc;

    private final PasswordEncoder passwords;

    private final boolean demo;

    DemoPasswordGuard(JdbcClient jdbc, PasswordEncoder passwords, @Value("${meedoen.demo:false}") boolean demo) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.demo = demo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (demo) {
            return;
        }
        List<String> offenders = jdbc.sql("select username, password_hash from app_user order by username")
            .query((rs, i) -> passwords.matches(DEMO_PASSWORD, rs.getString(2)) ? rs.getString(1) : null)
            .list()
            .stream()
            .filter(username -> username != null)
            .toList();
        if (!offenders.isEmpty()) {
            throw new DemoPasswordsRemainException(offenders);
        }
    }

    /** Stops the start-up, naming the accounts whose password must be changed. */
    static final class DemoPasswordsRemainException extends IllegalStateException {

        DemoPasswordsRemainException(List<String> usernames) {
            super("Meedoen does not start outside the demo setup (meedoen.demo=false) while accounts still have "
                    + "the demo password: " + String.join(", ", usernames)
                    + ". Change their passwords or remove these accounts first.");
        }

    }

}
