package nl.meedoen.trajectories.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.identity.Municipalities;
import nl.meedoen.identity.Municipality;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.UnprocessableException;
import nl.meedoen.residents.Residents.Identity;
import nl.meedoen.trajectories.TransferStatus;
import nl.meedoen.trajectories.internal.TransferFacts.ExamFact;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The warm handover of a trajectory when a person moves to another municipality. Within
 * this installation it is a transfer that the receiving team accepts: acceptance creates
 * the person there with the trajectory's facts and closes the file to the sender, whose
 * users then find nothing of it. The transfer record is seen by both municipalities and,
 * once accepted, holds no facts. To a municipality outside the installation the facts go
 * as a handover document ({@link #facts}).
 */
@Service
public class Transfers {

    /**
     * A transfer as the current municipality sees it; {@code facts} only while it is
     * offered, {@code incoming} when the current municipality receives it.
     */
    public record Transfer(UUID id, UUID personId, String fromMunicipality, String toMunicipality,
            TransferStatus status, LocalDate offeredOn, @Nullable LocalDate decidedOn, @Nullable TransferFacts facts,
            boolean incoming, int version) {
    }

    /** What the receiving municipality took over for one of its persons. */
    public record Received(UUID transferId, String fromMunicipality, LocalDate receivedOn, TransferFacts facts) {
    }

    private final TrajectoryRecords records;

    private final IntegrationDuties duties;

    private final LearningRoutes routes;

    private final Nt2LessonHours lessonHours;

    private final Municipalities municipalities;

    private final JsonMapper json;

    Transfers(TrajectoryRecords records, IntegrationDuties duties, LearningRoutes routes, Nt2LessonHours lessonHours,
            Municipalities municipalities, JsonMapper json) {
        this.records = records;
        this.duties = duties;
        this.routes = routes;
        this.lessonHours = lessonHours;
        this.municipalities = municipalities;
        this.json = json;
    }

    /**
     * The facts to hand over for a person of the current municipality, as of today: the
     * handover document, and what a transfer offers.
     */
    @Transactional(readOnly = true)
    public TransferFacts facts(UUID personId) {
        Identity person = records.residents().identity(personId).orElseThrow(NotFoundException::new);
        var duty = duties.find(personId);
        var progress = routes.find(personId);
        List<ExamFact> exams = progress
            .map(p -> p.exams().stream().map(e -> new ExamFact(e.part(), e.level(), e.result(), e.takenOn())).toList())
            .orElse(List.of());
        return new TransferFacts(person, municipalityName(Tenancy.require()), records.today(),
                duty.map(IntegrationDuties.Duty::regime).orElse(null),
                progress.map(LearningRoutes.Progress::route)
                    .orElse(duty.map(IntegrationDuties.Duty::route).orElse(null)),
                progress.map(LearningRoutes.Progress::level).orElse(null),
                duty.map(IntegrationDuties.Duty::planAdoptedOn).orElse(null),
                duty.map(IntegrationDuties.Duty::integrationPeriodStart).orElse(null),
                duty.map(IntegrationDuties.Duty::integrationPeriodEnd).orElse(null),
                duty.map(IntegrationDuties.Duty::routeSwitchDeadline).orElse(null), lessonHours.total(personId),
                progress.map(LearningRoutes.Progress::zCourseHours).orElse(null),
                progress.map(LearningRoutes.Progress::zParticipationHours).orElse(null),
                progress.map(LearningRoutes.Progress::mapPracticalHours).orElse(null), exams);
    }

    /**
     * Offers the person's trajectory to the municipality with CBS code {@code toCode}. A
     * municipality outside this installation answers 422: hand over the document instead.
     * One open offer per person.
     */
    @Transactional
    public Transfer offer(UUID personId, @Nullable String toCode) {
        records.person(personId);
        if (toCode == null || toCode.isBlank()) {
            throw new InvalidInputException("toMunicipalityCode", "trajectories.transfer.to.required");
        }
        UUID from = Tenancy.require();
        Municipality to = municipalities.byCode(toCode.strip())
            .orElseThrow(() -> new UnprocessableException("trajectories.transfer.notInInstallation"));
        if (to.id().equals(from)) {
            throw new InvalidInputException("toMunicipalityCode", "trajectories.transfer.toSelf");
        }
        UUID id = UUID.randomUUID();
        try {
            records.sql("""
                    insert into trajectory_transfer (id, municipality_id, to_municipality_id, person_id, facts,
                        offered_on)
                    values (:id, :m, :to, :p, cast(:facts as jsonb), :today)""")
                .param("id", id)
                .param("to", to.id())
                .param("p", personId)
                .param("facts", json.writeValueAsString(facts(personId)))
                .param("today", records.today())
                .update();
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("trajectories.transfer.alreadyOffered");
        }
        records.changed(personId);
        return find(id);
    }

    /** A transfer the current municipality sends or receives; 404 for any other. */
    @Transactional(readOnly = true)
    public Transfer find(UUID transferId) {
        return load(transferId, false).orElseThrow(NotFoundException::new);
    }

    /** The transfers the current municipality sends or receives, newest first. */
    @Transactional(readOnly = true)
    public List<Transfer> all() {
        return records.sql(SELECT + " order by t.created_at desc, t.id").query(this::row).list();
    }

    /** The transfers of one person of the current municipality, newest first. */
    @Transactional(readOnly = true)
    public List<Transfer> of(UUID personId) {
        records.person(personId);
        return records
            .sql(SELECT + " where t.person_id = :p and t.municipality_id = :m order by t.created_at desc, t.id")
            .param("p", personId)
            .query(this::row)
            .list();
    }

    /**
     * The receiving team accepts: the person is registered here with the facts, and the
     * sender's file is closed to the sender. Answers the new person's id.
     */
    @Transactional
    public UUID accept(UUID transferId, @Nullable Integer expectedVersion) {
        Transfer transfer = open(transferId, expectedVersion);
        UUID here = Tenancy.require();
        if (!transfer.incoming()) {
            throw new ConflictException("trajectories.transfer.acceptOwn");
        }
        TransferFacts facts = transfer.facts();
        if (facts == null) {
            throw new ConflictException("trajectories.transfer.notOffered");
        }
        UUID from = records.sql("select municipality_id from trajectory_transfer where id = :id")
            .param("id", transferId)
            .query(UUID.class)
            .single();
        UUID person = records.residents().moveIn(facts.person(), from, transfer.personId(), records.today());
        records.sql("""
                insert into trajectory_received (municipality_id, person_id, transfer_id, from_municipality_id,
                    received_on, facts)
                values (:m, :p, :id, :from, :today, cast(:facts as jsonb))""")
            .param("p", person)
            .param("id", transferId)
            .param("from", from)
            .param("today", records.today())
            .param("facts", json.writeValueAsString(facts))
            .update();
        decide(transferId, TransferStatus.ACCEPTED);
        if (!here.equals(Tenancy.require())) {
            throw new IllegalStateException("tenancy changed during acceptance");
        }
        records.changed(person);
        return person;
    }

    /** The sender withdraws an offer that was not accepted yet. */
    @Transactional
    public Transfer withdraw(UUID transferId, @Nullable Integer expectedVersion) {
        Transfer transfer = open(transferId, expectedVersion);
        if (transfer.incoming()) {
            throw new ConflictException("trajectories.transfer.withdrawIncoming");
        }
        decide(transferId, TransferStatus.WITHDRAWN);
        records.changed(transfer.personId());
        return find(transferId);
    }

    /** What the current municipality took over for its person, if the file came in. */
    @Transactional(readOnly = true)
    public Optional<Received> received(UUID personId) {
        records.person(personId);
        return records.sql("""
                select transfer_id, from_municipality_id, received_on, facts::text
                from trajectory_received where municipality_id = :m and person_id = :p""")
            .param("p", personId)
            .query((rs, i) -> new Received(rs.getObject(1, UUID.class), municipalityName(rs.getObject(2, UUID.class)),
                    rs.getObject(3, LocalDate.class), json.readValue(rs.getString(4), TransferFacts.class)))
            .optional();
    }

    private Transfer open(UUID transferId, @Nullable Integer expectedVersion) {
        Transfer transfer = load(transferId, true).orElseThrow(NotFoundException::new);
        if (expectedVersion != null && expectedVersion != transfer.version()) {
            throw new StaleVersionException();
        }
        if (transfer.status() != TransferStatus.OFFERED) {
            throw new ConflictException("trajectories.transfer.notOffered");
        }
        return transfer;
    }

    private void decide(UUID transferId, TransferStatus status) {
        records.sql("""
                update trajectory_transfer set status = :status, facts = null, decided_on = :today,
                    version = version + 1
                where id = :id and status = 'OFFERED'""")
            .param("status", status.name())
            .param("today", records.today())
            .param("id", transferId)
            .update();
    }

    private Optional<Transfer> load(UUID transferId, boolean forUpdate) {
        return records.sql(SELECT + " where t.id = :id" + (forUpdate ? " for update of t" : ""))
            .param("id", transferId)
            .query(this::row)
            .optional();
    }

    private static final String SELECT = """
            select t.id, t.person_id, t.municipality_id as from_id, t.to_municipality_id as to_id, t.status,
                t.offered_on, t.decided_on, t.facts::text as facts, t.to_municipality_id = :m as incoming, t.version
            from trajectory_transfer t""";

    private Transfer row(ResultSet rs, int i) throws SQLException {
        String facts = rs.getString("facts");
        return new Transfer(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                municipalityName(rs.getObject("from_id", UUID.class)),
                municipalityName(rs.getObject("to_id", UUID.class)), TransferStatus.valueOf(rs.getString("status")),
                rs.getObject("offered_on", LocalDate.class), rs.getObject("decided_on", LocalDate.class),
                facts == null ? null : json.readValue(facts, TransferFacts.class), rs.getBoolean("incoming"),
                rs.getInt("version"));
    }

    private String municipalityName(UUID id) {
        return municipalities.all()
            .stream()
            .filter(m -> m.id().equals(id))
            .map(Municipality::name)
            .findFirst()
            .orElse("");
    }

}
