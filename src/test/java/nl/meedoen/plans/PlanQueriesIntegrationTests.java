package nl.meedoen.plans;

import java.time.LocalDate;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import nl.meedoen.support.Api;
import nl.meedoen.support.MeedoenIntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a plan costs the same number of SQL statements however many versions, goals,
 * actions and reviews it has (counted from {@link JdbcTemplate}'s debug log: 11 for
 * {@code GET …/plan}, where it was 13 plus 3 per version after the first).
 */
@MeedoenIntegrationTest
class PlanQueriesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void aPlanLoadsInTheSameNumberOfStatementsWhateverItsNumberOfVersions() {
        String small = personWithVersions(1);
        String large = personWithVersions(4);

        assertThat(statementsFor("/api/v1/persons/" + large + "/plan"))
            .isEqualTo(statementsFor("/api/v1/persons/" + small + "/plan"));
        assertThat(statementsFor("/api/v1/persons/" + large + "/plan/versions"))
            .isEqualTo(statementsFor("/api/v1/persons/" + small + "/plan/versions"));
    }

    @Test
    void theReviewsLoadInTheSameNumberOfStatementsWhateverTheirNumber() {
        String small = personWithVersions(1);
        String large = personWithVersions(4);

        assertThat(statementsFor("/api/v1/persons/" + large + "/reviews"))
            .isEqualTo(statementsFor("/api/v1/persons/" + small + "/reviews"));
    }

    private String personWithVersions(int versions) {
        Api api = Api.as(mvc, "begeleider");
        String person = api.post("/api/v1/persons", Api.person("Telling", "Versies" + versions))
            .body()
            .get("id")
            .asString();
        String plan = "/api/v1/persons/" + person + "/plan";
        for (int v = 1; v <= versions; v++) {
            String goal = api.post(plan + "/goals", Map.of("area", "LANGUAGE", "description", "Doel " + v))
                .body()
                .get("id")
                .asString();
            api.post(plan + "/goals/" + goal + "/actions", Map.of("what", "Actie " + v, "who", "PERSON"));
            api.post("/api/v1/persons/" + person + "/reviews", Map.of("heldOn", LocalDate.now().toString(), "notes",
                    "Gesprek " + v, "goalStatuses", Map.of(goal, "ON_TRACK")));
            if (v < versions) {
                assertThat(api.post(plan + "/adoption", Map.of("adoptedOn", LocalDate.now().toString()), api.etag(plan))
                    .status()).isEqualTo(200);
            }
        }
        return person;
    }

    private long statementsFor(String path) {
        Logger logger = (Logger) LoggerFactory.getLogger(JdbcTemplate.class);
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> statements = new ListAppender<>();
        statements.start();
        logger.addAppender(statements);
        logger.setLevel(Level.DEBUG);
        try {
            assertThat(Api.as(mvc, "begeleider").get(path).status()).isEqualTo(200);
        }
        finally {
            logger.setLevel(level);
            logger.detachAppender(statements);
        }
        // Only this request's statements: jobs and event listeners run on threads of
        // their own.
        String request = Thread.currentThread().getName();
        return statements.list.stream()
            .filter(e -> request.equals(e.getThreadName()) && isStatement(e.getFormattedMessage()))
            .count();
    }

    /** A query logs twice ("query", then the statement); a statement once. */
    private static boolean isStatement(String message) {
        return message.startsWith("Executing prepared SQL statement") || message.startsWith("Executing SQL statement");
    }

}
