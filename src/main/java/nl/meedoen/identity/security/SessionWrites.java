package nl.meedoen.identity.security;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * A login session's row is written when something of it changes, not on every request.
 * Spring Session stores the time of the last request with every request, so every page,
 * even one that only reads, was a write transaction on the session's row: a row lock, a
 * WAL record and a flush at commit (4.5 ms mean per request under sixteen clients on the
 * national dataset, the most expensive statement of a file page). The session's update
 * statement here skips the write while only the last access moved, by less than
 * {@link #touchInterval} (a minute, or a twentieth of the idle timeout when that is
 * shorter). A session then ends idle at most that interval early; a change of the session
 * id, the timeout or the principal is written at once, as are the attributes (their own
 * statements).
 */
@Configuration(proxyBeanMethods = false)
class SessionWrites {

    static final Duration LONGEST = Duration.ofMinutes(1);

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> writeOnlyWhatChanged(
            @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
        long interval = touchInterval(timeout).toMillis();
        return repository -> repository.setUpdateSessionQuery("""
                UPDATE %TABLE_NAME% s
                SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
                    MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time,
                    PRINCIPAL_NAME = v.principal_name
                FROM (SELECT CAST(? AS CHAR(36)) AS session_id, CAST(? AS BIGINT) AS last_access_time,
                        CAST(? AS INT) AS max_inactive_interval, CAST(? AS BIGINT) AS expiry_time,
                        CAST(? AS VARCHAR(100)) AS principal_name, CAST(? AS CHAR(36)) AS primary_id) v
                WHERE s.PRIMARY_ID = v.primary_id
                    AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
                        OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
                        OR v.last_access_time - s.LAST_ACCESS_TIME >= {interval})
                """.replace("{interval}", Long.toString(interval)));
    }

    /**
     * How far the stored last access may lag behind: a minute, at most 1/20 of the
     * timeout.
     */
    static Duration touchInterval(Duration timeout) {
        Duration twentieth = timeout.dividedBy(20);
        return twentieth.compareTo(LONGEST) < 0 ? twentieth : LONGEST;
    }

}
