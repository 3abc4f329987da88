package nl.meedoen.trajectories.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Residents.Resident;
import nl.meedoen.trajectories.GuidanceClosed;
import nl.meedoen.trajectories.GuidanceExtended;
import nl.meedoen.trajectories.GuidanceExtensionRejected;
import nl.meedoen.trajectories.GuidanceExtensionRequested;
import nl.meedoen.trajectories.GuidanceStarted;
import nl.meedoen.trajectories.Handover;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Social guidance of the persons of the current municipality: start, extension requests
 * and their decision by a team lead, closing with a handover decision. Every change is
 * logged with the person and publishes its event, in the same transaction.
 */
@Service
public class Guidances {

    /** An extension request as stored. */
    public record ExtensionRequest(UUID id, UUID personId, int months, String reason, Status status,
            OffsetDateTime requestedAt, @Nullable String decisionNote) {

        public enum Status {

            PENDING, APPROVED, REJECTED

        }
    }

    /** A pending request with the person it is about, for the team lead's queue. */
    public record PendingRequest(ExtensionRequest request, Resident person, LocalDate endDate, int guidanceVersion) {
    }

    /** The columns of an extension request, with its guidance joined as {@code g}. */
    private static final String REQUEST = """
            select r.id, g.person_id, r.months, r.reason, r.status, r.requested_at, r.decision_note
            from guidance_extension_request r join guidance g on g.id = r.guidance_id
            """;

    private final TrajectoryRecords records;

    Guidances(TrajectoryRecords records) {
        this.records = records;
    }

    @Transactional
    public Guidance start(UUID personId, LocalDate startDate) {
        Resident person = records.person(personId);
        Guidance.startsNotBeforeArrival(startDate, person.arrivalDate());
        Guidance guidance = new Guidance(UUID.randomUUID(), personId, startDate, records.rules().guidanceEnd(startDate),
                Guidance.Status.ACTIVE, null, null, null);
        try {
            records.sql("""
                    insert into guidance (id, municipality_id, person_id, start_date, end_date, status)
                    values (:id, :m, :p, :start, :end, 'ACTIVE')""")
                .param("id", guidance.id())
                .param("p", personId)
                .param("start", startDate)
                .param("end", guidance.endDate())
                .update();
        }
        catch (DuplicateKeyException ex) {
            throw new ConflictException("trajectories.guidance.alreadyStarted");
        }
        records.changed(personId, new GuidanceStarted(Tenancy.require(), personId, startDate, guidance.endDate()));
        return guidance;
    }

    /** The person's guidance, if started. */
    @Transactional(readOnly = true)
    public Optional<Guidance> find(UUID personId) {
        records.person(personId);
        return load(personId, false);
    }

    /** The person's extension requests, latest first. */
    @Transactional(readOnly = true)
    public List<ExtensionRequest> extensionRequests(UUID personId) {
        return records.sql(REQUEST + """
                where r.municipality_id = :m and g.person_id = :p
                order by r.requested_at desc, r.id""").param("p", personId).query(ExtensionRequest.class).list();
    }

    @Transactional
    public ExtensionRequest requestExtension(UUID personId, int months, @Nullable String reason) {
        records.person(personId);
        Guidance.extensionRequestIsComplete(months, reason, records.rules());
        Guidance guidance = load(personId, true).orElseThrow(NotFoundException::new);
        guidance.mustBeActive();
        Guidance.extensionAllowedOnlyOnce(hasApprovedExtension(guidance.id()));
        boolean pending = records.sql("""
                select exists (select 1 from guidance_extension_request where municipality_id = :m
                and guidance_id = :g and status = 'PENDING')""")
            .param("g", guidance.id())
            .query(Boolean.class)
            .single();
        if (pending) {
            throw new ConflictException("trajectories.extension.alreadyPending");
        }
        ExtensionRequest request = new ExtensionRequest(UUID.randomUUID(), personId, months, reason.strip(),
                ExtensionRequest.Status.PENDING, OffsetDateTime.ofInstant(records.clock().instant(), ZoneOffset.UTC),
                null);
        records.sql("""
                insert into guidance_extension_request
                    (id, municipality_id, guidance_id, months, reason, status, requested_by, requested_at)
                values (:id, :m, :g, :months, :reason, 'PENDING', :by, :at)""")
            .param("id", request.id())
            .param("g", guidance.id())
            .param("months", months)
            .param("reason", request.reason())
            .param("by", actor())
            .param("at", request.requestedAt())
            .update();
        changedGuidance(guidance.id());
        records.changed(personId, new GuidanceExtensionRequested(Tenancy.require(), personId, request.id(), months));
        return request;
    }

    /**
     * Approves a pending request when {@code version} is the guidance's current one: 412
     * for another, 428 for none: the end date moves by its months. A second approved
     * extension is refused.
     */
    @Transactional
    public Guidance approve(UUID personId, UUID requestId, @Nullable String note, @Nullable Integer version) {
        records.person(personId);
        TrajectoryVersions.expect(records, TrajectoryVersions.Part.GUIDANCE, personId, version);
        Guidance guidance = load(personId, true).orElseThrow(NotFoundException::new);
        ExtensionRequest request = pendingRequest(guidance, requestId);
        Guidance.extensionAllowedOnlyOnce(hasApprovedExtension(guidance.id()));
        Guidance extended = guidance.extendedBy(request.months());
        decide(requestId, ExtensionRequest.Status.APPROVED, note);
        records
            .sql("update guidance set end_date = :end, version = version + 1 where id = :id and municipality_id = :m")
            .param("end", extended.endDate())
            .param("id", guidance.id())
            .update();
        records.changed(personId, new GuidanceExtended(Tenancy.require(), personId, requestId, extended.endDate()));
        return extended;
    }

    /**
     * Rejects a pending request with the team lead's note when {@code version} is the
     * guidance's current one (412 for another, 428 for none); the end date stays.
     */
    @Transactional
    public ExtensionRequest reject(UUID personId, UUID requestId, @Nullable String note, @Nullable Integer version) {
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", "trajectories.extension.noteRequired");
        }
        records.person(personId);
        TrajectoryVersions.expect(records, TrajectoryVersions.Part.GUIDANCE, personId, version);
        Guidance guidance = load(personId, true).orElseThrow(NotFoundException::new);
        ExtensionRequest request = pendingRequest(guidance, requestId);
        decide(requestId, ExtensionRequest.Status.REJECTED, note);
        changedGuidance(guidance.id());
        records.changed(personId, new GuidanceExtensionRejected(Tenancy.require(), personId, requestId));
        return new ExtensionRequest(request.id(), personId, request.months(), request.reason(),
                ExtensionRequest.Status.REJECTED, request.requestedAt(), note.strip());
    }

    /**
     * Closes the active guidance on {@code closedOn} (not after today) with its handover
     * when {@code version} is its current one (412 for another, 428 for none); a pending
     * extension request is rejected with it.
     */
    @Transactional
    public Guidance close(UUID personId, LocalDate closedOn, @Nullable Handover handover, @Nullable String reason,
            @Nullable Integer version) {
        records.person(personId);
        TrajectoryVersions.expect(records, TrajectoryVersions.Part.GUIDANCE, personId, version);
        if (closedOn.isAfter(records.today())) {
            throw new InvalidInputException("closedOn", "date.future");
        }
        Guidance guidance = load(personId, true).orElseThrow(NotFoundException::new);
        Guidance closed = guidance.closedWith(closedOn, handover, reason);
        records.sql("""
                update guidance set status = 'CLOSED', closed_on = :on, handover = :handover, handover_reason = :reason,
                    version = version + 1
                where id = :id and municipality_id = :m""")
            .param("on", closedOn)
            .param("handover", closed.handover().name())
            .param("reason", closed.handoverReason())
            .param("id", guidance.id())
            .update();
        // A request nobody decided on loses its object once the guidance is closed.
        records.sql("""
                update guidance_extension_request set status = 'REJECTED', decided_at = now()
                where guidance_id = :g and municipality_id = :m and status = 'PENDING'""")
            .param("g", guidance.id())
            .update();
        records.changed(personId, new GuidanceClosed(Tenancy.require(), personId, closedOn, closed.handover()));
        return closed;
    }

    /**
     * The pending extension requests of the municipality, oldest first (the team lead's
     * approval queue).
     */
    @Transactional(readOnly = true)
    public List<PendingRequest> pending() {
        List<PendingRow> rows = records.sql("""
                select r.id, g.person_id, r.months, r.reason, r.status, r.requested_at, r.decision_note, g.end_date,
                    g.version as guidance_version
                from guidance_extension_request r join guidance g on g.id = r.guidance_id
                where r.municipality_id = :m and r.status = 'PENDING'
                order by r.requested_at, r.id""").query(PendingRow.class).list();
        Map<UUID, Resident> persons = records.residents()
            .findAll(rows.stream().map(PendingRow::personId).toList())
            .stream()
            .collect(Collectors.toMap(Resident::id, Function.identity()));
        return rows.stream()
            .filter(r -> persons.containsKey(r.personId()))
            .map(r -> new PendingRequest(new ExtensionRequest(r.id(), r.personId(), r.months(), r.reason(), r.status(),
                    r.requestedAt(), r.decisionNote()), persons.get(r.personId()), r.endDate(), r.guidanceVersion()))
            .toList();
    }

    /**
     * How many extension requests {@link #pending()} lists, counted without loading them
     * (the badge of the approval queue under every page).
     */
    @Transactional(readOnly = true)
    public int pendingCount() {
        return records.sql("""
                select count(*)
                from guidance_extension_request r join guidance g on g.id = r.guidance_id
                    join person p on p.municipality_id = :m and p.id = g.person_id
                where r.municipality_id = :m and r.status = 'PENDING'""").query(Integer.class).single();
    }

    record PendingRow(UUID id, UUID personId, int months, String reason, ExtensionRequest.Status status,
            OffsetDateTime requestedAt, @Nullable String decisionNote, LocalDate endDate, int guidanceVersion) {
    }

    /** A request or its decision is a change of the guidance: its version moves on. */
    private void changedGuidance(UUID guidanceId) {
        records.sql("update guidance set version = version + 1 where id = :id and municipality_id = :m")
            .param("id", guidanceId)
            .update();
    }

    private Optional<Guidance> load(UUID personId, boolean forUpdate) {
        return records.sql("""
                select id, person_id, start_date, end_date, status, closed_on, handover, handover_reason
                from guidance where municipality_id = :m and person_id = :p""" + TrajectoryRecords.lock(forUpdate))
            .param("p", personId)
            .query(Guidance.class)
            .optional();
    }

    private boolean hasApprovedExtension(UUID guidanceId) {
        return records.sql("""
                select exists (select 1 from guidance_extension_request where municipality_id = :m
                and guidance_id = :g and status = 'APPROVED')""").param("g", guidanceId).query(Boolean.class).single();
    }

    private ExtensionRequest pendingRequest(Guidance guidance, UUID requestId) {
        ExtensionRequest request = records.sql(REQUEST + """
                where r.municipality_id = :m and r.id = :r and r.guidance_id = :g for update of r""")
            .param("r", requestId)
            .param("g", guidance.id())
            .query(ExtensionRequest.class)
            .optional()
            .orElseThrow(NotFoundException::new);
        if (request.status() == ExtensionRequest.Status.APPROVED) {
            throw new ConflictException("trajectories.extension.onlyOnce");
        }
        if (request.status() != ExtensionRequest.Status.PENDING) {
            throw new ConflictException("trajectories.extension.alreadyDecided");
        }
        return request;
    }

    private void decide(UUID requestId, ExtensionRequest.Status status, @Nullable String note) {
        records.sql("""
                update guidance_extension_request set status = :s, decided_by = :by, decided_at = now(),
                    decision_note = :note
                where id = :id and municipality_id = :m""")
            .param("s", status.name())
            .param("by", actor())
            .param("note", note == null || note.isBlank() ? null : note.strip())
            .param("id", requestId)
            .update();
    }

    private static UUID actor() {
        return CurrentUser.current().map(CurrentUser::id).orElse(new UUID(0, 0));
    }

}
