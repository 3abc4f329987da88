package nl.meedoen.identity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's row is not rewritten for a request that only moves its last access by less
 * than a minute; a later access, an attribute and a new session id are written.
 */
@MeedoenIntegrationTest
class SessionWritesIntegrationTests {

    @Autowired
    @SuppressWarnings("rawtypes")
    private SessionRepository repository;

    @Autowired
    @Qualifier("owner")
    private DataSource ownerSource;

    private JdbcTemplate owner;

    @BeforeEach
    void connect() {
        owner = new JdbcTemplate(ownerSource);
    }

    @Test
    void aReadingRequestWithinTheMinuteLeavesTheRowAsItWas() {
        Session session = sessions().createSession();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        session.setLastAccessedTime(start);
        sessions().save(session);
        Session again = sessions().findById(session.getId());
        again.setLastAccessedTime(start.plusSeconds(20));
        sessions().save(again);
        assertThat(lastAccess(session.getId())).isEqualTo(start.toEpochMilli());

        Session later = sessions().findById(session.getId());
        later.setLastAccessedTime(start.plusSeconds(61));
        sessions().save(later);
        assertThat(lastAccess(session.getId())).isEqualTo(start.plusSeconds(61).toEpochMilli());
        assertThat(owner.queryForObject("select expiry_time from spring_session where session_id = ?", Long.class,
                session.getId()))
            .isEqualTo(start.plusSeconds(61).plus(later.getMaxInactiveInterval()).toEpochMilli());
        sessions().deleteById(session.getId());
    }

    @Test
    void anAttributeAndANewIdAreWrittenAtOnce() {
        Session session = sessions().createSession();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        session.setLastAccessedTime(start);
        sessions().save(session);
        Session again = sessions().findById(session.getId());
        again.setLastAccessedTime(start.plusSeconds(5));
        again.setAttribute("flash", "Opgeslagen");
        String newId = again.changeSessionId();
        sessions().save(again);
        assertThat(sessions().findById(session.getId())).isNull();
        Session renewed = sessions().findById(newId);
        assertThat(renewed).isNotNull();
        assertThat((String) renewed.getAttribute("flash")).isEqualTo("Opgeslagen");
        assertThat(lastAccess(newId)).isEqualTo(start.plusSeconds(5).toEpochMilli());
        sessions().deleteById(newId);
    }

    @SuppressWarnings("unchecked")
    private SessionRepository<Session> sessions() {
        return repository;
    }

    private long lastAccess(String sessionId) {
        return owner.queryForObject("select last_access_time from spring_session where session_id = ?", Long.class,
                sessionId);
    }

}
