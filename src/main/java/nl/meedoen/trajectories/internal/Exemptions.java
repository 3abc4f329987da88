package nl.meedoen.trajectories.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.trajectories.ExemptPart;
import nl.meedoen.trajectories.ExemptionKind;
import nl.meedoen.trajectories.ExemptionRecorded;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * DUO's exemptions (vrijstelling, ontheffing) per part of a person's duty, with the date
 * of the decision and its ground. An exempt part has no deadline; an exemption from the
 * PVT sets its status to exempt.
 */
@Service
public class Exemptions {

    /** One recorded decision. */
    public record Exemption(UUID id, ExemptPart part, ExemptionKind kind, LocalDate decidedOn, String ground) {
    }

    private final TrajectoryRecords records;

    Exemptions(TrajectoryRecords records) {
        this.records = records;
    }

    @Transactional
    public Exemption record(UUID personId, @Nullable ExemptPart part, @Nullable ExemptionKind kind,
            @Nullable LocalDate decidedOn, @Nullable String ground) {
        records.person(personId);
        List<FieldError> errors = new ArrayList<>();
        if (part == null) {
            errors.add(new FieldError("part", "trajectories.exemption.part.required"));
        }
        if (kind == null) {
            errors.add(new FieldError("kind", "trajectories.exemption.kind.required"));
        }
        if (decidedOn == null) {
            errors.add(new FieldError("decidedOn", "trajectories.exemption.decidedOn.required"));
        }
        else if (decidedOn.isAfter(records.today())) {
            errors.add(new FieldError("decidedOn", "date.future"));
        }
        if (ground == null || ground.isBlank()) {
            errors.add(new FieldError("ground", "trajectories.exemption.ground.required"));
        }
        else if (ground.length() > 1000) {
            errors.add(new FieldError("ground", "field.tooLong"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Exemption exemption = new Exemption(UUID.randomUUID(), part, kind, decidedOn, ground.strip());
        try {
            records.sql("""
                    insert into integration_exemption (id, municipality_id, person_id, part, kind, decided_on, ground)
                    values (:id, :m, :p, :part, :kind, :on, :ground)""")
                .param("id", exemption.id())
                .param("p", personId)
                .param("part", part.name())
                .param("kind", kind.name())
                .param("on", decidedOn)
                .param("ground", exemption.ground())
                .update();
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("trajectories.exemption.duplicate");
        }
        if (part == ExemptPart.PVT || part == ExemptPart.WHOLE_DUTY) {
            records.sql("""
                    insert into participation_declaration (municipality_id, person_id, status)
                    values (:m, :p, 'EXEMPT')
                    on conflict (municipality_id, person_id) do update set status = 'EXEMPT',
                        version = participation_declaration.version + 1, updated_at = now()
                    where participation_declaration.status <> 'COMPLETED'""").param("p", personId).update();
        }
        records.changed(personId, new ExemptionRecorded(Tenancy.require(), personId, part, kind, decidedOn));
        return exemption;
    }

    /** The person's exemptions, by decision date. */
    @Transactional(readOnly = true)
    public List<Exemption> of(UUID personId) {
        return records.sql("""
                select id, part, kind, decided_on, ground from integration_exemption
                where municipality_id = :m and person_id = :p order by decided_on, part""")
            .param("p", personId)
            .query(Exemption.class)
            .list();
    }

    /** The parts the person is exempt from; the whole duty counts as every part. */
    @Transactional(readOnly = true)
    public Set<ExemptPart> parts(UUID personId) {
        Set<ExemptPart> parts = EnumSet.noneOf(ExemptPart.class);
        of(personId).forEach(e -> parts.add(e.part()));
        if (parts.contains(ExemptPart.WHOLE_DUTY)) {
            return EnumSet.allOf(ExemptPart.class);
        }
        return parts;
    }

}
