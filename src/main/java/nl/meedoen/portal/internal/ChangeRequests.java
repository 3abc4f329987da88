package nl.meedoen.portal.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.portal.ChangeReported;
import nl.meedoen.residents.ResidentCorrections;
import nl.meedoen.residents.ResidentCorrections.Address;
import nl.meedoen.residents.ResidentCorrections.Reach;
import nl.meedoen.residents.Residents;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A change of phone, e-mail or address the resident reports. It is checked against the
 * file's own rules when it is reported, waits for a caseworker of the file, and changes
 * the file only when the caseworker accepts it: through the residents module, with its
 * validation and the file's version. A rejection leaves the file as it is. Each step is
 * logged on the person; reporting gives the trajectory's caseworker (or else the team's
 * caseworkers) a task.
 */
@Component
public class ChangeRequests {

    /** Where a request stands. */
    public enum Status {

        PENDING, ACCEPTED, REJECTED

    }

    /** A request as stored: only the parts the resident changes are given. */
    public record ChangeRequest(UUID id, UUID personId, @Nullable String phone, @Nullable String email,
            @Nullable Address address, Status status, Instant requestedAt, @Nullable Instant decidedAt,
            @Nullable String note, int version) {

        public boolean pending() {
            return status == Status.PENDING;
        }

        Reach reach() {
            return new Reach(phone, email, address);
        }

        @Override
        public String toString() {
            return "ChangeRequest[" + id + ", " + status + "]";
        }

    }

    /** What the resident reports: empty fields stay as they are. */
    public record Report(@Nullable String phone, @Nullable String email, @Nullable String street,
            @Nullable String houseNumber, @Nullable String postcode, @Nullable String city) {

        @Override
        public String toString() {
            return "Report[*]";
        }

    }

    /** How many requests a resident may have waiting at once. */
    public static final int MAXIMUM_PENDING = 5;

    private final JdbcClient jdbc;

    private final Residents residents;

    private final ResidentCorrections corrections;

    private final FileCaseworkers caseworkers;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    ChangeRequests(JdbcClient jdbc, Residents residents, ResidentCorrections corrections, FileCaseworkers caseworkers,
            AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.corrections = corrections;
        this.caseworkers = caseworkers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The person's requests, newest first. */
    @Transactional(readOnly = true)
    public List<ChangeRequest> of(UUID person) {
        residents.find(person).orElseThrow(NotFoundException::new);
        return jdbc.sql(SELECT + " and person_id = :p order by requested_at desc, id")
            .param("m", Tenancy.require())
            .param("p", person)
            .query(ChangeRequests::row)
            .list();
    }

    /** How many of the person's requests wait for a caseworker. */
    @Transactional(readOnly = true)
    public long pending(UUID person) {
        return jdbc.sql("""
                select count(*) from change_request
                where municipality_id = :m and person_id = :p and status = 'PENDING'""")
            .param("m", Tenancy.require())
            .param("p", person)
            .query(Long.class)
            .single();
    }

    /**
     * Reports a change of the person's own file. At least one part; an address as a whole
     * (street, number, postcode and place); every value on the file's rules.
     */
    @Transactional
    public ChangeRequest report(UUID person, Report report) {
        residents.find(person).orElseThrow(NotFoundException::new);
        String phone = tidy(report.phone());
        String email = tidy(report.email());
        String street = tidy(report.street());
        String houseNumber = tidy(report.houseNumber());
        String postcode = tidy(report.postcode());
        String city = tidy(report.city());
        boolean anyAddress = street != null || houseNumber != null || postcode != null || city != null;
        if (phone == null && email == null && !anyAddress) {
            throw new InvalidInputException("phone", "portal.change.empty");
        }
        if (anyAddress) {
            List<FieldError> missing = new ArrayList<>();
            if (street == null) {
                missing.add(new FieldError("street", "portal.change.addressIncomplete"));
            }
            if (houseNumber == null) {
                missing.add(new FieldError("houseNumber", "portal.change.addressIncomplete"));
            }
            if (postcode == null) {
                missing.add(new FieldError("postcode", "portal.change.addressIncomplete"));
            }
            if (city == null) {
                missing.add(new FieldError("city", "portal.change.addressIncomplete"));
            }
            if (!missing.isEmpty()) {
                throw new InvalidInputException(missing);
            }
        }
        Address address = anyAddress ? new Address(street, houseNumber, postcode, city) : null;
        corrections.checkReach(person, new Reach(phone, email, address));
        if (pending(person) >= MAXIMUM_PENDING) {
            throw new ConflictException("portal.change.tooMany");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql(
                """
                        insert into change_request (id, municipality_id, person_id, phone, email, street, house_number, postcode,
                            city, status, requested_at)
                        values (:id, :m, :p, :phone, :email, :street, :number, :postcode, :city, 'PENDING', :at)""")
            .param("id", id)
            .param("m", Tenancy.require())
            .param("p", person)
            .param("phone", phone)
            .param("email", email)
            .param("street", street)
            .param("number", houseNumber)
            .param("postcode", postcode)
            .param("city", city)
            .param("at", now())
            .update();
        audit.record(AuditAction.PORTAL_UPDATE, person);
        events.publishEvent(new ChangeReported(Tenancy.require(), person, id, caseworkers.of(person)));
        return load(person, id, false).orElseThrow();
    }

    /**
     * Accepts a waiting request: the file takes the change when it is still at
     * {@code fileVersion} (else 412) and the request at {@code version}.
     */
    @Transactional
    public ChangeRequest accept(UUID person, UUID id, int version, int fileVersion) {
        ChangeRequest request = decidable(person, id, version);
        corrections.changeReach(person, fileVersion, request.reach());
        return decide(request, Status.ACCEPTED, null);
    }

    /**
     * Rejects a waiting request, with a note for the resident if given; the file stays.
     */
    @Transactional
    public ChangeRequest reject(UUID person, UUID id, int version, @Nullable String note) {
        ChangeRequest request = decidable(person, id, version);
        String tidied = tidy(note);
        if (tidied != null && tidied.length() > 1000) {
            throw new InvalidInputException("note", "field.tooLong");
        }
        return decide(request, Status.REJECTED, tidied);
    }

    private ChangeRequest decidable(UUID person, UUID id, int version) {
        residents.find(person).orElseThrow(NotFoundException::new);
        ChangeRequest request = load(person, id, true).orElseThrow(NotFoundException::new);
        if (request.version() != version) {
            throw new StaleVersionException();
        }
        if (!request.pending()) {
            throw new ConflictException("portal.change.decided");
        }
        return request;
    }

    private ChangeRequest decide(ChangeRequest request, Status status, @Nullable String note) {
        UUID by = CurrentUser.current()
            .map(CurrentUser::id)
            .orElseThrow(() -> new AccessDeniedException("a caseworker decides"));
        jdbc.sql("""
                update change_request set status = :s, decided_at = :at, decided_by = :by, decision_note = :note,
                    version = version + 1
                where municipality_id = :m and id = :id""")
            .param("s", status.name())
            .param("at", now())
            .param("by", by)
            .param("note", note)
            .param("m", Tenancy.require())
            .param("id", request.id())
            .update();
        audit.record(AuditAction.UPDATE, request.personId());
        return load(request.personId(), request.id(), false).orElseThrow();
    }

    private Optional<ChangeRequest> load(UUID person, UUID id, boolean forUpdate) {
        return jdbc.sql(SELECT + " and person_id = :p and id = :id" + (forUpdate ? " for update" : ""))
            .param("m", Tenancy.require())
            .param("p", person)
            .param("id", id)
            .query(ChangeRequests::row)
            .optional();
    }

    private static final String SELECT = """
            select id, person_id, phone, email, street, house_number, postcode, city, status, requested_at,
                   decided_at, decision_note, version
            from change_request where municipality_id = :m""";

    private static ChangeRequest row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        Address address = rs.getString("street") == null ? null : new Address(rs.getString("street"),
                rs.getString("house_number"), rs.getString("postcode"), rs.getString("city"));
        return new ChangeRequest(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("phone"), rs.getString("email"), address, Status.valueOf(rs.getString("status")),
                rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                decided == null ? null : decided.toInstant(), rs.getString("decision_note"), rs.getInt("version"));
    }

    private static @Nullable String tidy(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private OffsetDateTime now() {
        return Instant.now(clock).atOffset(ZoneOffset.UTC);
    }

}
