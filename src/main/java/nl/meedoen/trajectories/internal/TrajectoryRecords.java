package nl.meedoen.trajectories.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;

/**
 * What every part of a person's trajectory is stored with: the rows of the current
 * municipality, the person they are about, the municipality's durations, today's date,
 * and a change that is logged with the person and announced in the same transaction.
 */
@Component
class TrajectoryRecords {

    private final JdbcClient jdbc;

    private final Residents residents;

    private final TrajectorySettings settings;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    TrajectoryRecords(JdbcClient jdbc, Residents residents, TrajectorySettings settings, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A statement with {@code :m} bound to the current municipality. */
    StatementSpec sql(String sql) {
        return jdbc.sql(sql).param("m", Tenancy.require());
    }

    /**
     * The person of the current municipality; another municipality's person is not found.
     */
    Resident person(UUID personId) {
        return residents.find(personId).orElseThrow(NotFoundException::new);
    }

    Residents residents() {
        return residents;
    }

    TrajectorySettings.Rules rules() {
        return settings.current();
    }

    /** Today in Amsterdam. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    Clock clock() {
        return clock;
    }

    /**
     * Logs the change of the person's trajectory and publishes what happened, in the
     * caller's transaction.
     */
    void changed(UUID personId, Object... happened) {
        audit.record(AuditAction.TRAJECTORY_UPDATE, personId);
        for (Object event : happened) {
            publish(event);
        }
    }

    /** Publishes what happened, in the caller's transaction. */
    void publish(Object event) {
        events.publishEvent(event);
    }

    /** The locking suffix of a query that reads a row to change it. */
    static String lock(boolean forUpdate) {
        return forUpdate ? " for update" : "";
    }

}
