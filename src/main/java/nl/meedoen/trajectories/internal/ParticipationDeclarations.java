package nl.meedoen.trajectories.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.trajectories.ParticipationDeclarationSigned;
import nl.meedoen.trajectories.PvtStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The participation declaration trajectory (PVT) of the persons of the current
 * municipality: sessions attended with their hours, and the status, which is completed
 * only with the required hours and a signing date.
 */
@Service
public class ParticipationDeclarations {

    /** A session attended. */
    public record Session(UUID id, LocalDate heldOn, BigDecimal hours, @Nullable String topic) {
    }

    /** A person's PVT: status, signing date, hours in total and the sessions by date. */
    public record Pvt(PvtStatus status, @Nullable LocalDate signedOn, BigDecimal hours, List<Session> sessions) {
    }

    record State(PvtStatus status, @Nullable LocalDate signedOn) {
    }

    private final TrajectoryRecords records;

    ParticipationDeclarations(TrajectoryRecords records) {
        this.records = records;
    }

    /**
     * Completed requires at least the required hours and the date the declaration was
     * signed.
     */
    public static void completionRequiresHoursAndSigning(BigDecimal hours, @Nullable LocalDate signedOn,
            int requiredHours) {
        if (hours.compareTo(BigDecimal.valueOf(requiredHours)) < 0) {
            throw new InvalidInputException("status", "trajectories.pvt.tooFewHours");
        }
        if (signedOn == null) {
            throw new InvalidInputException("signedOn", "trajectories.pvt.signedOnRequired");
        }
    }

    /**
     * Records a session attended, not after today, in hours with at most one decimal; a
     * trajectory not started yet is now in progress.
     */
    @Transactional
    public Pvt addSession(UUID personId, LocalDate heldOn, BigDecimal hours, @Nullable String topic) {
        records.person(personId);
        notAfterToday("heldOn", heldOn);
        if (hours.stripTrailingZeros().scale() > 1) {
            throw new InvalidInputException("hours", "trajectories.pvt.hours");
        }
        records.sql("""
                insert into participation_session (id, municipality_id, person_id, held_on, hours, topic)
                values (:id, :m, :p, :on, :hours, :topic)""")
            .param("id", UUID.randomUUID())
            .param("p", personId)
            .param("on", heldOn)
            .param("hours", hours)
            .param("topic", topic == null || topic.isBlank() ? null : topic.strip())
            .update();
        records
            .sql("""
                    insert into participation_declaration (municipality_id, person_id, status) values (:m, :p, 'IN_PROGRESS')
                    on conflict (municipality_id, person_id) do update set status = 'IN_PROGRESS',
                        version = participation_declaration.version + 1, updated_at = now()
                    where participation_declaration.status = 'NOT_STARTED'""")
            .param("p", personId)
            .update();
        records.changed(personId);
        return load(personId);
    }

    /**
     * Sets the status; completed only with the required hours and a signing date, not
     * after today.
     */
    @Transactional
    public Pvt setStatus(UUID personId, @Nullable PvtStatus status, @Nullable LocalDate signedOn,
            @Nullable Integer version) {
        records.person(personId);
        if (status == null) {
            throw new InvalidInputException("status", "trajectories.pvt.status");
        }
        notAfterToday("signedOn", signedOn);
        if (status == PvtStatus.COMPLETED) {
            completionRequiresHoursAndSigning(totalHours(personId), signedOn, records.rules().pvtHours());
        }
        TrajectoryVersions.expect(records, TrajectoryVersions.Part.PARTICIPATION_DECLARATION, personId, version);
        LocalDate signed = status == PvtStatus.COMPLETED ? signedOn : null;
        records
            .sql("""
                    insert into participation_declaration (municipality_id, person_id, status, signed_on)
                    values (:m, :p, :s, :signed)
                    on conflict (municipality_id, person_id) do update set status = excluded.status,
                        signed_on = excluded.signed_on, version = participation_declaration.version + 1, updated_at = now()""")
            .param("p", personId)
            .param("s", status.name())
            .param("signed", signed)
            .update();
        records.changed(personId);
        if (signed != null) {
            records.publish(new ParticipationDeclarationSigned(Tenancy.require(), personId, signed));
        }
        return load(personId);
    }

    private void notAfterToday(String field, @Nullable LocalDate date) {
        if (date != null && date.isAfter(records.today())) {
            throw new InvalidInputException(field, "date.future");
        }
    }

    /** The person's PVT (not started when nothing is recorded). */
    @Transactional(readOnly = true)
    public Pvt find(UUID personId) {
        records.person(personId);
        return load(personId);
    }

    private Pvt load(UUID personId) {
        State state = records
            .sql("""
                    select status, signed_on from participation_declaration where municipality_id = :m and person_id = :p""")
            .param("p", personId)
            .query(State.class)
            .optional()
            .orElse(new State(PvtStatus.NOT_STARTED, null));
        List<Session> sessions = records.sql("""
                select id, held_on, hours, topic from participation_session
                where municipality_id = :m and person_id = :p order by held_on, created_at""")
            .param("p", personId)
            .query(Session.class)
            .list();
        BigDecimal hours = sessions.stream().map(Session::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Pvt(state.status(), state.signedOn(), hours, sessions);
    }

    private BigDecimal totalHours(UUID personId) {
        return records
            .sql("""
                    select coalesce(sum(hours), 0) from participation_session where municipality_id = :m and person_id = :p""")
            .param("p", personId)
            .query(BigDecimal.class)
            .single();
    }

}
