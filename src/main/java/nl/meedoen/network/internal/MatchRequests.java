package nl.meedoen.network.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.network.VolunteerRole;
import nl.meedoen.network.internal.Volunteers.Arrays2;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.IsoCodes;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Gender;
import nl.meedoen.residents.Residents;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for a buddy for a person of the current municipality: the role wanted, the
 * languages the person speaks, the countries of their background, their interests, when
 * and where they can meet, a preferred gender and notes. A request is open until a
 * volunteer is proposed; it reopens when that match ends before it became active.
 */
@Service
public class MatchRequests {

    /** What a caseworker asks for. */
    public record Draft(VolunteerRole role, List<String> languages, List<String> countries, List<String> interests,
            Set<WeekdayPart> availability, @Nullable String postcode, @Nullable Gender preferredGender,
            @Nullable String notes) {
    }

    public enum Status {

        OPEN, MATCHED, WITHDRAWN

    }

    /** A request as stored. */
    public record MatchRequest(UUID id, UUID personId, VolunteerRole role, List<String> languages,
            List<String> countries, List<String> interests, Set<WeekdayPart> availability, @Nullable String postcode,
            @Nullable Gender preferredGender, @Nullable String notes, Status status, Instant createdAt) {

        Scoring.Wish wish() {
            return new Scoring.Wish(Set.copyOf(languages), Set.copyOf(countries), Set.copyOf(interests),
                    WeekdayPart.mask(availability), postcode == null ? 0 : Postcodes.area(postcode), preferredGender);
        }
    }

    private static final String COLUMNS = """
            id, person_id, role, languages, countries, interests, availability, postcode, preferred_gender, notes,
            status, created_at""";

    private final JdbcClient jdbc;

    private final Residents residents;

    private final AuditLog audit;

    MatchRequests(JdbcClient jdbc, Residents residents, AuditLog audit) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.audit = audit;
    }

    /**
     * Records a request for a person of the current municipality; logged as processing of
     * the person's data.
     */
    @Transactional
    public UUID request(UUID personId, Draft draft) {
        residents.find(personId).orElseThrow(NotFoundException::new);
        check(draft);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into match_request (id, municipality_id, person_id, role, languages, countries, interests,
                    availability, postcode, preferred_gender, notes, requested_by)
                values (:id, :m, :p, :role, string_to_array(:languages, '|'), string_to_array(:countries, '|'),
                    string_to_array(:interests, '|'), :availability, :postcode, :gender, :notes, :by)""")
            .param("id", id)
            .param("m", Tenancy.require())
            .param("p", personId)
            .param("role", draft.role().name())
            .param("languages", Arrays2.join(draft.languages().stream().distinct().toList()))
            .param("countries", Arrays2.join(draft.countries().stream().distinct().toList()))
            .param("interests", Arrays2.join(Arrays2.words(draft.interests())))
            .param("availability", WeekdayPart.mask(draft.availability()))
            .param("postcode", draft.postcode() == null ? null : Postcodes.normalise(draft.postcode()))
            .param("gender", draft.preferredGender() == null ? null : draft.preferredGender().name())
            .param("notes", Volunteers.blankToNull(draft.notes()))
            .param("by", CurrentUser.current().map(CurrentUser::id).orElse(null))
            .update();
        audit.record(AuditAction.NETWORK_UPDATE, personId);
        return id;
    }

    /** A request of the current municipality. */
    @Transactional(readOnly = true)
    public Optional<MatchRequest> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from match_request where municipality_id = :m and id = :id")
            .param("m", Tenancy.require())
            .param("id", id)
            .query(MatchRequests::matchRequest)
            .optional();
    }

    /** The requests for a person, newest first. */
    @Transactional(readOnly = true)
    public List<MatchRequest> ofPerson(UUID personId) {
        return jdbc
            .sql("select " + COLUMNS
                    + " from match_request where municipality_id = :m and person_id = :p order by created_at desc")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query(MatchRequests::matchRequest)
            .list();
    }

    /** The open requests, oldest first: the coordinator's worklist. */
    @Transactional(readOnly = true)
    public List<MatchRequest> open(int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from match_request where municipality_id = :m and status = 'OPEN' order by created_at, id
                limit :limit""")
            .param("m", Tenancy.require())
            .param("limit", limit)
            .query(MatchRequests::matchRequest)
            .list();
    }

    /** Withdraws an open request: no one is proposed for it anymore. */
    @Transactional
    public void withdraw(UUID id) {
        MatchRequest request = find(id).orElseThrow(NotFoundException::new);
        if (request.status() != Status.OPEN) {
            throw new ConflictException("network.request.notOpen");
        }
        setStatus(id, Status.WITHDRAWN);
        audit.record(AuditAction.NETWORK_UPDATE, request.personId());
    }

    void setStatus(UUID id, Status status) {
        jdbc.sql("""
                update match_request set status = :s, version = version + 1 where municipality_id = :m and id = :id""")
            .param("s", status.name())
            .param("m", Tenancy.require())
            .param("id", id)
            .update();
    }

    static void check(Draft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft.languages().stream().anyMatch(code -> !IsoCodes.isLanguage(code))) {
            errors.add(new FieldError("languages", "network.language.unknown"));
        }
        if (draft.countries().stream().anyMatch(code -> !IsoCodes.isCountry(code))) {
            errors.add(new FieldError("countries", "network.country.unknown"));
        }
        if (draft.postcode() != null && Postcodes.area(draft.postcode()) == 0) {
            errors.add(new FieldError("postcode", "network.postcode.invalid"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    static MatchRequest matchRequest(ResultSet rs, int row) throws SQLException {
        String gender = rs.getString("preferred_gender");
        return new MatchRequest(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                VolunteerRole.valueOf(rs.getString("role")), List.of(Arrays2.of(rs.getArray("languages"))),
                List.of(Arrays2.of(rs.getArray("countries"))), List.of(Arrays2.of(rs.getArray("interests"))),
                WeekdayPart.of(rs.getInt("availability")), rs.getString("postcode"),
                gender == null ? null : Gender.valueOf(gender), rs.getString("notes"),
                Status.valueOf(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

}
