package nl.meedoen.network.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.network.VolunteerRole;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.IsoCodes;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Gender;
import nl.meedoen.residents.Residents;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The volunteers of the current municipality: who they are, what they speak and can do,
 * when and where they are available, their certificate of conduct (VOG) and how many
 * matches they can take. A volunteer who is also a person in Meedoen is linked to that
 * person.
 */
@Service
public class Volunteers {

    /** A language a volunteer speaks, with the level. */
    public record Language(String code, LanguageLevel level) {
    }

    /** What a coordinator enters for a volunteer; checked by {@link #check}. */
    public record Draft(@Nullable String givenName, @Nullable String familyName, @Nullable String organisation,
            @Nullable UUID personId, @Nullable String email, @Nullable String phone, @Nullable String postcode,
            @Nullable String neighbourhood, @Nullable Gender gender, List<Language> languages, List<String> countries,
            List<String> skills, List<String> interests, Set<WeekdayPart> availability, Set<VolunteerRole> roles,
            @Nullable LocalDate vogDate, int maxMatches, @Nullable String preferences) {
    }

    /** A volunteer as stored, with the number of matches running now. */
    public record Volunteer(UUID id, String givenName, String familyName, @Nullable String organisation,
            @Nullable UUID personId, @Nullable String email, @Nullable String phone, @Nullable String postcode,
            @Nullable String neighbourhood, @Nullable Gender gender, List<Language> languages, List<String> countries,
            List<String> skills, List<String> interests, Set<WeekdayPart> availability, Set<VolunteerRole> roles,
            @Nullable LocalDate vogDate, int maxMatches, @Nullable String preferences, boolean active,
            int activeMatches, int version) implements Proposable {

        public String name() {
            return givenName + " " + familyName;
        }

        public Draft draft() {
            return new Draft(givenName, familyName, organisation, personId, email, phone, postcode, neighbourhood,
                    gender, languages, countries, skills, interests, availability, roles, vogDate, maxMatches,
                    preferences);
        }
    }

    static final int MAX_LIST = 40;

    private static final String COLUMNS = """
            v.id, v.given_name, v.family_name, v.organisation, v.person_id, v.email, v.phone, v.postcode,
            v.neighbourhood, v.gender, v.languages, v.language_levels, v.countries, v.skills, v.interests,
            v.availability, v.roles, v.vog_date, v.max_matches, v.preferences, v.active,
            (select count(*) from buddy_match b where b.municipality_id = v.municipality_id
                and b.volunteer_id = v.id and b.status <> 'ENDED') as active_matches, v.version""";

    private final JdbcClient jdbc;

    private final Residents residents;

    private final AuditLog audit;

    private final Matching matching;

    private final Clock clock;

    Volunteers(JdbcClient jdbc, Residents residents, AuditLog audit, Matching matching, Clock clock) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.audit = audit;
        this.matching = matching;
        this.clock = clock;
    }

    /**
     * Registers a volunteer; linking a person is logged as processing of that person's
     * data.
     */
    @Transactional
    public UUID register(Draft draft) {
        check(draft);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteer (id, municipality_id, given_name, family_name, organisation, person_id, email,
                    phone, postcode, postcode_area, neighbourhood, gender, languages, language_levels, countries,
                    skills, interests, availability, roles, vog_date, max_matches, preferences)
                values (:id, :m, :given, :family, :org, :person, :email, :phone, :postcode, :area, :hood, :gender,
                    string_to_array(:languages, '|'), string_to_array(:levels, '|'), string_to_array(:countries, '|'),
                    string_to_array(:skills, '|'), string_to_array(:interests, '|'), :availability,
                    string_to_array(:roles, '|'), :vog, :max, :prefs)""").params(params(id, draft)).update();
        matching.changed();
        if (draft.personId() != null) {
            audit.record(AuditAction.NETWORK_UPDATE, draft.personId());
        }
        return id;
    }

    /**
     * Changes a volunteer; refused when someone else changed it since {@code version}.
     */
    @Transactional
    public void change(UUID id, int version, Draft draft) {
        Volunteer current = find(id).orElseThrow(NotFoundException::new);
        check(draft);
        Map<String, Object> params = params(id, draft);
        params.put("version", version);
        int changed = jdbc.sql("""
                update volunteer set given_name = :given, family_name = :family, organisation = :org,
                    person_id = :person, email = :email, phone = :phone, postcode = :postcode, postcode_area = :area,
                    neighbourhood = :hood, gender = :gender, languages = string_to_array(:languages, '|'),
                    language_levels = string_to_array(:levels, '|'), countries = string_to_array(:countries, '|'),
                    skills = string_to_array(:skills, '|'), interests = string_to_array(:interests, '|'),
                    availability = :availability, roles = string_to_array(:roles, '|'), vog_date = :vog,
                    max_matches = :max, preferences = :prefs, version = version + 1
                where municipality_id = :m and id = :id and version = :version""").params(params).update();
        if (changed == 0) {
            throw new StaleVersionException();
        }
        matching.changed();
        if (draft.personId() != null) {
            audit.record(AuditAction.NETWORK_UPDATE, draft.personId());
        }
        if (current.personId() != null && !current.personId().equals(draft.personId())) {
            audit.record(AuditAction.NETWORK_UPDATE, current.personId());
        }
    }

    /** Stops or resumes a volunteer; a stopped volunteer is never proposed. */
    @Transactional
    public void setActive(UUID id, boolean active) {
        int changed = jdbc.sql("""
                update volunteer set active = :active, version = version + 1 where municipality_id = :m and id = :id""")
            .param("active", active)
            .param("m", Tenancy.require())
            .param("id", id)
            .update();
        if (changed == 0) {
            throw new NotFoundException();
        }
        matching.changed();
    }

    @Transactional(readOnly = true)
    public Optional<Volunteer> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from volunteer v where v.municipality_id = :m and v.id = :id")
            .param("m", Tenancy.require())
            .param("id", id)
            .query(Volunteers::volunteer)
            .optional();
    }

    /** The volunteers among {@code ids}, by id. */
    @Transactional(readOnly = true)
    public Map<UUID, Volunteer> findAll(List<UUID> ids) {
        Map<UUID, Volunteer> byId = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        jdbc.sql("select " + COLUMNS + " from volunteer v where v.municipality_id = :m and v.id in (:ids)")
            .param("m", Tenancy.require())
            .param("ids", ids)
            .query(Volunteers::volunteer)
            .list()
            .forEach(v -> byId.put(v.id(), v));
        return byId;
    }

    /**
     * Volunteers whose name starts with {@code query} (all when blank), with {@code role}
     * when given, active ones first, by family name; at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<Volunteer> list(String query, @Nullable VolunteerRole role, int limit) {
        String prefix = query.strip()
            .toLowerCase(Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_") + "%";
        return jdbc.sql("select " + COLUMNS + """
                 from volunteer v
                where v.municipality_id = :m
                  and (lower(v.family_name) like :q or lower(v.given_name) like :q
                       or lower(v.given_name || ' ' || v.family_name) like :q)
                  and (cast(:role as text) is null or cast(:role as text) = any(v.roles))
                order by v.active desc, v.family_name, v.given_name, v.id
                limit :limit""")
            .param("m", Tenancy.require())
            .param("q", prefix)
            .param("role", role == null ? null : role.name())
            .param("limit", limit)
            .query(Volunteers::volunteer)
            .list();
    }

    /** The volunteer record of a person in Meedoen, if the person volunteers. */
    @Transactional(readOnly = true)
    public Optional<Volunteer> ofPerson(UUID personId) {
        return jdbc
            .sql("select " + COLUMNS + " from volunteer v where v.municipality_id = :m and v.person_id = :p"
                    + " order by v.created_at limit 1")
            .param("m", Tenancy.require())
            .param("p", personId)
            .query(Volunteers::volunteer)
            .optional();
    }

    /**
     * Checks a draft wherever it comes from (page, API, demo): the names, the lengths,
     * the codes, the dates, the postcode, the load and the linked person.
     */
    void check(Draft draft) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "givenName", draft.givenName(), 100, "network.volunteer.givenName.required");
        text(errors, "familyName", draft.familyName(), 100, "network.volunteer.familyName.required");
        text(errors, "organisation", draft.organisation(), 200, null);
        text(errors, "email", draft.email(), 200, null);
        text(errors, "phone", draft.phone(), 40, null);
        text(errors, "neighbourhood", draft.neighbourhood(), 100, null);
        text(errors, "preferences", draft.preferences(), 1000, null);
        if (draft.languages().stream().anyMatch(l -> !IsoCodes.isLanguage(l.code()))) {
            errors.add(new FieldError("languages", "network.language.unknown"));
        }
        if (draft.languages().stream().map(Language::code).distinct().count() != draft.languages().size()) {
            errors.add(new FieldError("languages", "network.language.duplicate"));
        }
        if (draft.countries().stream().anyMatch(c -> !IsoCodes.isCountry(c))) {
            errors.add(new FieldError("countries", "network.country.unknown"));
        }
        if (draft.roles().isEmpty()) {
            errors.add(new FieldError("roles", "network.volunteer.roles.required"));
        }
        if (draft.vogDate() != null && draft.vogDate().isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError("vogDate", "date.future"));
        }
        if (draft.postcode() != null && Postcodes.area(draft.postcode()) == 0) {
            errors.add(new FieldError("postcode", "network.postcode.invalid"));
        }
        if (draft.maxMatches() < 1 || draft.maxMatches() > 10) {
            errors.add(new FieldError("maxMatches", "network.volunteer.maxMatches"));
        }
        if (draft.personId() != null && residents.find(draft.personId()).isEmpty()) {
            errors.add(new FieldError("personId", "network.volunteer.personUnknown"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * A text of at most {@code max} characters, required when it has a message for that.
     */
    private static void text(List<FieldError> errors, String field, @Nullable String value, int max,
            @Nullable String requiredKey) {
        if (value == null || value.isBlank()) {
            if (requiredKey != null) {
                errors.add(new FieldError(field, requiredKey));
            }
        }
        else if (value.strip().length() > max) {
            errors.add(new FieldError(field, "field.tooLong"));
        }
    }

    private static Map<String, Object> params(UUID id, Draft d) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("m", Tenancy.require());
        p.put("given", String.valueOf(d.givenName()).strip());
        p.put("family", String.valueOf(d.familyName()).strip());
        p.put("org", blankToNull(d.organisation()));
        p.put("person", d.personId());
        p.put("email", blankToNull(d.email()));
        p.put("phone", blankToNull(d.phone()));
        p.put("postcode", d.postcode() == null ? null : Postcodes.normalise(d.postcode()));
        p.put("area", d.postcode() == null ? null : Postcodes.area(d.postcode()));
        p.put("hood", blankToNull(d.neighbourhood()));
        p.put("gender", d.gender() == null ? null : d.gender().name());
        p.put("languages", Arrays2.join(d.languages().stream().map(Language::code).toList()));
        p.put("levels", Arrays2.join(d.languages().stream().map(l -> l.level().name()).toList()));
        p.put("countries", Arrays2.join(d.countries()));
        p.put("skills", Arrays2.join(Arrays2.words(d.skills())));
        p.put("interests", Arrays2.join(Arrays2.words(d.interests())));
        p.put("availability", WeekdayPart.mask(d.availability()));
        p.put("roles", Arrays2.join(d.roles().stream().map(Enum::name).toList()));
        p.put("vog", d.vogDate());
        p.put("max", d.maxMatches());
        p.put("prefs", blankToNull(d.preferences()));
        return p;
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static Volunteer volunteer(ResultSet rs, int row) throws SQLException {
        String[] codes = Arrays2.of(rs.getArray("languages"));
        String[] levels = Arrays2.of(rs.getArray("language_levels"));
        List<Language> languages = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            languages.add(new Language(codes[i], LanguageLevel.valueOf(levels[i])));
        }
        Set<VolunteerRole> roles = EnumSet.noneOf(VolunteerRole.class);
        for (String role : Arrays2.of(rs.getArray("roles"))) {
            roles.add(VolunteerRole.valueOf(role));
        }
        String gender = rs.getString("gender");
        return new Volunteer(rs.getObject("id", UUID.class), rs.getString("given_name"), rs.getString("family_name"),
                rs.getString("organisation"), rs.getObject("person_id", UUID.class), rs.getString("email"),
                rs.getString("phone"), rs.getString("postcode"), rs.getString("neighbourhood"),
                gender == null ? null : Gender.valueOf(gender), List.copyOf(languages),
                List.of(Arrays2.of(rs.getArray("countries"))), List.of(Arrays2.of(rs.getArray("skills"))),
                List.of(Arrays2.of(rs.getArray("interests"))), WeekdayPart.of(rs.getInt("availability")), roles,
                rs.getObject("vog_date", LocalDate.class), rs.getInt("max_matches"), rs.getString("preferences"),
                rs.getBoolean("active"), rs.getInt("active_matches"), rs.getInt("version"));
    }

    /**
     * Text arrays to and from PostgreSQL, passed as one {@code |}-separated parameter.
     */
    static final class Arrays2 {

        private Arrays2() {
        }

        static String[] of(@Nullable Array array) throws SQLException {
            return array == null ? new String[0] : (String[]) array.getArray();
        }

        /**
         * Joins for {@code string_to_array(:x, '|')}; an empty list becomes an empty
         * array.
         */
        static String join(List<String> values) {
            return values.isEmpty() ? "" : String.join("|", values);
        }

        /**
         * Free words (skills, interests): trimmed, lower case, without the separator,
         * each once.
         */
        static List<String> words(List<String> values) {
            return values.stream()
                .map(v -> v.replaceAll("[|\\p{Cntrl}]", " ").strip().toLowerCase(Locale.ROOT))
                .filter(v -> !v.isEmpty())
                .distinct()
                .toList();
        }

    }

}
