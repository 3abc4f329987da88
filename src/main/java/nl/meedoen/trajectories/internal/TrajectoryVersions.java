package nl.meedoen.trajectories.internal;

import java.util.Optional;
import java.util.UUID;

import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.VersionRequiredException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The optimistic lock of the one-per-person parts of a trajectory (the integration duty
 * with its PIP and learning route, the participation declaration, the trajectory
 * caseworker, the social guidance with its extension requests): the version a client read
 * travels as the ETag, and a change names it. The first save of a part that does not
 * exist yet needs none; once it exists it does (428 without, 412 when stale). Two first
 * saves at the same moment are serialised on the person's part, so the second one sees
 * the first and is refused instead of overwriting it.
 */
@Component
public class TrajectoryVersions {

    /** A part of the trajectory kept once per person, with its version column. */
    public enum Part {

        INTEGRATION_DUTY("integration_duty"), PARTICIPATION_DECLARATION("participation_declaration"),
        TRAJECTORY_CASEWORKER("trajectory_caseworker"), BROAD_INTAKE("broad_intake"), ONTZORGEN("ontzorgen"),
        /**
         * The social guidance with its extension requests: a request and its decision
         * change it.
         */
        GUIDANCE("guidance");

        private final String table;

        Part(String table) {
            this.table = table;
        }

    }

    /**
     * Holds the person's part until the caller's transaction ends, whether the row exists
     * yet or not: the first save of one waits for another and then sees it.
     */
    static void lock(TrajectoryRecords records, Part part, UUID personId) {
        records.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
            .param("key", part.table + ":" + personId)
            .query((rs, i) -> 1)
            .list();
    }

    private final JdbcClient jdbc;

    TrajectoryVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current version of the person's part, if it exists. */
    @Transactional(readOnly = true)
    public Optional<Integer> of(Part part, UUID personId) {
        return jdbc.sql("select version from " + part.table + " where municipality_id = :m and person_id = :p")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query(Integer.class)
            .optional();
    }

    /**
     * Refuses a change that does not name the current version: missing while the part
     * exists (428), or another one (412). Called by the part's service in its own
     * transaction; holds the person's part until that commits.
     */
    static void expect(TrajectoryRecords records, Part part, UUID personId, @Nullable Integer version) {
        lock(records, part, personId);
        Optional<Integer> current = records
            .sql("select version from " + part.table + " where municipality_id = :m and person_id = :p for update")
            .param("p", personId)
            .query(Integer.class)
            .optional();
        if (current.isPresent() && version == null) {
            throw new VersionRequiredException();
        }
        if (version != null && !current.map(version::equals).orElse(version == 0)) {
            throw new StaleVersionException();
        }
    }

}
