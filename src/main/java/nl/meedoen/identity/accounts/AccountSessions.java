package nl.meedoen.identity.accounts;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ends the login sessions of an account, on every instance at once: sessions live in the
 * database (Spring Session JDBC, indexed by the account name), so deleting the rows in
 * the transaction that changes the account means its very next request finds no session
 * and must log in again, with what the account now is.
 */
@Component
class AccountSessions {

    private final JdbcClient jdbc;

    AccountSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Ends every session of the account, except the one given (the account's own, when it
     * acts itself).
     */
    int end(String username, @Nullable String exceptSessionId) {
        return jdbc.sql("""
                delete from spring_session
                where principal_name = :username and (cast(:keep as text) is null or session_id <> :keep)""")
            .param("username", username)
            .param("keep", exceptSessionId)
            .update();
    }

}
