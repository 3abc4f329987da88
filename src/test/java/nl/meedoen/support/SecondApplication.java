package nl.meedoen.support;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * What an application a test starts itself needs to reach the test's database as the
 * login role {@code meedoen_app}: an external server checks the password, the embedded
 * one trusts local connections.
 */
public final class SecondApplication {

    private SecondApplication() {
    }

    /**
     * The argument {@code --meedoen.datasource.app-password=…} of the test's application
     * pool.
     */
    public static String appPasswordArgument(DataSource applicationPool) {
        try {
            return "--meedoen.datasource.app-password=" + applicationPool.unwrap(HikariDataSource.class).getPassword();
        }
        catch (SQLException ex) {
            throw new IllegalStateException("The application pool is not a Hikari pool", ex);
        }
    }

}
