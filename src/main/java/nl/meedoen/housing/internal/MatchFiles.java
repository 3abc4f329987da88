package nl.meedoen.housing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.housing.MatchCancellationReason;
import nl.meedoen.housing.MatchCancelled;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Seeding;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Residents.Resident;
import nl.meedoen.residents.Residents;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One match as a file: its deadlines with their explanation, the start of the lease from
 * which the move period runs, and its cancellation, after which its persons can be
 * matched again. Each change is logged for every person in the match.
 */
@Service
public class MatchFiles {

    /**
     * A match with its persons. {@code moveWeeks} is the move period the move deadline
     * was computed with: from the lease start once that is known, else from the housing
     * deadline.
     */
    public record MatchFile(UUID id, LocalDate matchDate, LocalDate housingDeadline, LocalDate moveDeadline,
            @Nullable LocalDate leaseStart, long moveWeeks, boolean familyReunification,
            @Nullable LocalDate cancelledOn, @Nullable MatchCancellationReason cancelReason,
            @Nullable String cancelNote, boolean placed, List<Resident> persons, int version) {

        public boolean cancelled() {
            return cancelledOn != null;
        }

        /** The persons' ids, e.g. to log who the file is about. */
        public List<UUID> personIds() {
            return persons.stream().map(Resident::id).toList();
        }
    }

    private final JdbcClient jdbc;

    private final Residents residents;

    private final HousingSettings settings;

    private final AuditLog audit;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    MatchFiles(JdbcClient jdbc, Residents residents, HousingSettings settings, AuditLog audit, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.residents = residents;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The match of the current municipality; 404 for any other. */
    @Transactional(readOnly = true)
    public MatchFile find(UUID matchId) {
        return load(matchId, false).orElseThrow(NotFoundException::new);
    }

    /**
     * Records the start of the lease: the move period of the municipality's settings runs
     * from that day. The lease does not start before the match; a cancelled match takes
     * no lease.
     */
    @Transactional
    public MatchFile recordLeaseStart(UUID matchId, @Nullable LocalDate leaseStart, int expectedVersion) {
        MatchFile match = load(matchId, true).orElseThrow(NotFoundException::new);
        if (match.version() != expectedVersion) {
            throw new StaleVersionException();
        }
        if (leaseStart == null) {
            throw new InvalidInputException("leaseStart", "housing.lease.required");
        }
        if (match.cancelled()) {
            throw new ConflictException("housing.match.cancelled");
        }
        if (leaseStart.isBefore(match.matchDate())) {
            throw new InvalidInputException("leaseStart", "housing.lease.beforeMatch");
        }
        LocalDate moveDeadline = settings.current().moveDeadlineFromLease(leaseStart);
        jdbc.sql("""
                update housing_match set lease_start = :lease, move_deadline = :move, version = version + 1
                where municipality_id = :m and id = :id""")
            .param("lease", leaseStart)
            .param("move", moveDeadline)
            .param("m", Tenancy.require())
            .param("id", matchId)
            .update();
        match.personIds().forEach(person -> audit.record(AuditAction.MATCH, person));
        return find(matchId);
    }

    /**
     * Cancels a match whose persons are not housed yet: they found a home elsewhere,
     * moved on, or another reason with a note. Its persons can be matched again; a
     * cancelled match counts for nothing, so the quota figures stay as they were.
     */
    @Transactional
    public MatchFile cancel(UUID matchId, @Nullable MatchCancellationReason reason, @Nullable String note,
            @Nullable Integer expectedVersion) {
        MatchFile match = load(matchId, true).orElseThrow(NotFoundException::new);
        if (expectedVersion != null && match.version() != expectedVersion) {
            throw new StaleVersionException();
        }
        String tidied = note == null || note.isBlank() ? null : note.strip();
        if (reason == null) {
            throw new InvalidInputException("reason", "housing.cancel.reason.required");
        }
        if (reason == MatchCancellationReason.OTHER && tidied == null) {
            throw new InvalidInputException("note", "housing.cancel.note.required");
        }
        if (tidied != null && tidied.length() > 1000) {
            throw new InvalidInputException("note", "field.tooLong");
        }
        if (match.cancelled()) {
            throw new ConflictException("housing.match.cancelled");
        }
        if (match.placed()) {
            throw new ConflictException("housing.cancel.placed");
        }
        UUID municipality = Tenancy.require();
        jdbc.sql("""
                update housing_match set cancelled_on = :today, cancel_reason = :reason, cancel_note = :note,
                    version = version + 1
                where municipality_id = :m and id = :id""")
            .param("today", LocalDate.now(clock))
            .param("reason", reason.name())
            .param("note", tidied)
            .param("m", municipality)
            .param("id", matchId)
            .update();
        jdbc.sql("update housing_match_person set cancelled = true where municipality_id = :m and match_id = :id")
            .param("m", municipality)
            .param("id", matchId)
            .update();
        match.personIds().forEach(person -> audit.record(AuditAction.MATCH, person));
        Seeding.publishUnlessSeeding(events,
                new MatchCancelled(municipality, matchId, match.personIds(), LocalDate.now(clock), reason));
        return find(matchId);
    }

    private Optional<MatchFile> load(UUID matchId, boolean forUpdate) {
        record Row(UUID id, LocalDate matchDate, LocalDate housingDeadline, LocalDate moveDeadline,
                @Nullable LocalDate leaseStart, boolean familyReunification, @Nullable LocalDate cancelledOn,
                @Nullable String cancelReason, @Nullable String cancelNote, int version) {
        }
        UUID municipality = Tenancy.require();
        Optional<Row> found = jdbc.sql("""
                select id, match_date, housing_deadline, move_deadline, lease_start, family_reunification,
                    cancelled_on, cancel_reason, cancel_note, version
                from housing_match where municipality_id = :m and id = :id""" + (forUpdate ? " for update" : ""))
            .param("m", municipality)
            .param("id", matchId)
            .query(Row.class)
            .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row row = found.get();
        List<UUID> personIds = jdbc
            .sql("select person_id from housing_match_person where municipality_id = :m and match_id = :id")
            .param("m", municipality)
            .param("id", matchId)
            .query(UUID.class)
            .list();
        boolean placed = row.cancelledOn() == null && !personIds.isEmpty()
                && jdbc.sql("""
                        select exists (select 1 from housing_placement_person
                                       where municipality_id = :m and person_id in (:ids))""")
                    .param("m", municipality)
                    .param("ids", personIds)
                    .query(Boolean.class)
                    .single();
        LocalDate moveFrom = row.leaseStart() != null ? row.leaseStart() : row.housingDeadline();
        return Optional.of(new MatchFile(row.id(), row.matchDate(), row.housingDeadline(), row.moveDeadline(),
                row.leaseStart(), ChronoUnit.WEEKS.between(moveFrom, row.moveDeadline()), row.familyReunification(),
                row.cancelledOn(),
                row.cancelReason() == null ? null : MatchCancellationReason.valueOf(row.cancelReason()),
                row.cancelNote(), placed, residents.findAll(personIds), row.version()));
    }

}
