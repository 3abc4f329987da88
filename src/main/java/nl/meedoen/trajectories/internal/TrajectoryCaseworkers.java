package nl.meedoen.trajectories.internal;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.identity.Colleagues;
import nl.meedoen.identity.Colleagues.Colleague;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.residents.Residents.Resident;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The caseworker who holds a person's trajectory: a member of the person's own team.
 * Their deadlines make up that caseworker's own calendar.
 */
@Service
public class TrajectoryCaseworkers {

    private final TrajectoryRecords records;

    private final Colleagues colleagues;

    TrajectoryCaseworkers(TrajectoryRecords records, Colleagues colleagues) {
        this.records = records;
        this.colleagues = colleagues;
    }

    /**
     * Makes {@code userId} the person's caseworker from today, replacing the previous
     * one.
     */
    @Transactional
    public Colleague assign(UUID personId, @Nullable UUID userId, @Nullable Integer version) {
        Resident person = records.person(personId);
        if (userId == null) {
            throw new InvalidInputException("userId", "trajectories.caseworker.required");
        }
        Colleague colleague = colleagues.find(userId)
            .orElseThrow(() -> new InvalidInputException("userId", "trajectories.caseworker.unknown"));
        if (!Objects.equals(colleague.teamId(), person.teamId())) {
            throw new ConflictException("trajectories.caseworker.otherTeam");
        }
        TrajectoryVersions.expect(records, TrajectoryVersions.Part.TRAJECTORY_CASEWORKER, personId, version);
        records.sql("""
                insert into trajectory_caseworker (municipality_id, person_id, user_id, assigned_on)
                values (:m, :p, :u, :on)
                on conflict (municipality_id, person_id) do update set user_id = excluded.user_id,
                    assigned_on = excluded.assigned_on, version = trajectory_caseworker.version + 1""")
            .param("p", personId)
            .param("u", userId)
            .param("on", records.today())
            .update();
        records.changed(personId);
        return colleague;
    }

    /** The person's caseworker, if one was assigned. */
    @Transactional(readOnly = true)
    public Optional<Colleague> of(UUID personId) {
        return records.sql("select user_id from trajectory_caseworker where municipality_id = :m and person_id = :p")
            .param("p", personId)
            .query(UUID.class)
            .optional()
            .flatMap(colleagues::find);
    }

}
