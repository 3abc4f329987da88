package nl.meedoen.residents.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Bsn;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.EndReason;
import nl.meedoen.residents.Gender;
import nl.meedoen.residents.NameTokens;
import nl.meedoen.residents.Residents;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Persons in PostgreSQL. Every statement names the municipality; row-level security
 * checks it again.
 */
@Repository
public class Persons {

    static final String COLUMNS = """
            p.id, p.version, p.given_names, p.family_name, p.date_of_birth, p.gender, p.category, p.bsn,
            p.v_number, p.country_of_birth, p.nationality, p.languages, p.phone, p.email, p.street,
            p.house_number, p.postcode, p.city, p.arrival_date, p.registration_date, p.ended_on, p.end_reason,
            p.team_id, hm.household_id""";

    static final String FROM = """
            from person p
            left join household_member hm on hm.person_id = p.id and hm.municipality_id = p.municipality_id""";

    private static final int MAX_WORDS = 5;

    private static final String MEMO = Persons.class.getName() + ".read";

    private final JdbcClient jdbc;

    Persons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The person, read once per page: a file page asks for its person from several
     * modules (the header, the trajectory, the plan, the signals, ...), about ten reads
     * of the same row. During a GET request the answer is kept in the request for the
     * same person and the same database scope (municipality and need-to-know team); a GET
     * changes no person, and any other request or background work reads every time.
     */
    public Optional<Person> find(UUID municipalityId, UUID id) {
        Map<Read, Optional<Person>> memo = memo();
        if (memo == null) {
            return read(municipalityId, id);
        }
        return memo.computeIfAbsent(
                new Read(municipalityId, Tenancy.current().orElse(null), Tenancy.teamScope().orElse(null), id),
                read -> read(municipalityId, id));
    }

    /**
     * A person read in the database scope (municipality, need-to-know team) it was read
     * in.
     */
    private record Read(UUID municipalityId, @Nullable UUID scope, @Nullable UUID team, UUID id) {
    }

    /** A write forgets what the request read. */
    private static void forget() {
        Map<Read, Optional<Person>> memo = memo();
        if (memo != null) {
            memo.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<Read, Optional<Person>> memo() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
                || !"GET".equals(attributes.getRequest().getMethod())) {
            return null;
        }
        Object memo = attributes.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new HashMap<Read, Optional<Person>>();
            attributes.setAttribute(MEMO, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<Read, Optional<Person>>) memo;
    }

    private Optional<Person> read(UUID municipalityId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " " + FROM + " where p.municipality_id = :m and p.id = :id")
            .param("m", municipalityId)
            .param("id", id)
            .query(Persons::person)
            .optional();
    }

    /**
     * Whether the caller may open the file: it exists in the current municipality and,
     * under need-to-know, belongs to or is shared with the caller's team (row-level
     * security decides). Asked directly rather than through the SQL function
     * {@code person_open}, whose body PostgreSQL plans again on every call, person's
     * policies included (0.38 ms a call against 0.02 ms for a prepared statement).
     */
    public boolean opens(UUID id) {
        return jdbc.sql("select exists (select 1 from person where id = :id)")
            .param("id", id)
            .query(Boolean.class)
            .single();
    }

    public List<Person> findAll(UUID municipalityId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " " + FROM + " where p.municipality_id = :m and p.id in (:ids)")
            .param("m", municipalityId)
            .param("ids", ids)
            .query(Persons::person)
            .list();
    }

    public boolean bsnTaken(UUID municipalityId, String bsn, @Nullable UUID except) {
        return jdbc
            .sql("select exists (select 1 from person where municipality_id = :m and bsn = :bsn and id <> :except)")
            .param("m", municipalityId)
            .param("bsn", bsn)
            .param("except", except == null ? new UUID(0, 0) : except)
            .query(Boolean.class)
            .single();
    }

    public boolean vNumberTaken(UUID municipalityId, String vNumber, @Nullable UUID except) {
        return jdbc.sql("""
                select exists (select 1 from person where municipality_id = :m and v_number = :v and id <> :except)""")
            .param("m", municipalityId)
            .param("v", vNumber)
            .param("except", except == null ? new UUID(0, 0) : except)
            .query(Boolean.class)
            .single();
    }

    public void insert(UUID municipalityId, UUID id, @Nullable UUID teamId, PersonData data) {
        forget();
        jdbc.sql("""
                insert into person (id, municipality_id, team_id, given_names, family_name, sort_name, date_of_birth,
                    gender, category, bsn, v_number, country_of_birth, nationality, languages, phone, email, street,
                    house_number, postcode, city, arrival_date, registration_date, version)
                values (:id, :m, :team, :given, :family, :sort, :dob, :gender, :category, :bsn, :v, :cob, :nat,
                    string_to_array(:languages, ','), :phone, :email, :street, :house, :postcode, :city, :arrival,
                    :registration, 0)
                """).params(parameters(municipalityId, id, data)).param("team", teamId).update();
        replaceTokens(municipalityId, id, data);
    }

    /**
     * Updates when the stored version is still {@code expectedVersion}; false when
     * someone else was first.
     */
    public boolean update(UUID municipalityId, UUID id, int expectedVersion, PersonData data) {
        forget();
        int rows = jdbc.sql("""
                update person set given_names = :given, family_name = :family, sort_name = :sort,
                    date_of_birth = :dob, gender = :gender, category = :category, bsn = :bsn, v_number = :v,
                    country_of_birth = :cob, nationality = :nat, languages = string_to_array(:languages, ','),
                    phone = :phone, email = :email, street = :street, house_number = :house, postcode = :postcode,
                    city = :city, arrival_date = :arrival, registration_date = :registration,
                    version = version + 1, updated_at = now()
                where municipality_id = :m and id = :id and version = :version
                """).params(parameters(municipalityId, id, data)).param("version", expectedVersion).update();
        if (rows == 1) {
            replaceTokens(municipalityId, id, data);
        }
        return rows == 1;
    }

    public boolean end(UUID municipalityId, UUID id, int expectedVersion, LocalDate on, EndReason reason) {
        forget();
        return jdbc.sql("""
                update person set ended_on = :on, end_reason = :reason, version = version + 1, updated_at = now()
                where municipality_id = :m and id = :id and version = :version and ended_on is null
                """)
            .param("on", on)
            .param("reason", reason.name())
            .param("m", municipalityId)
            .param("id", id)
            .param("version", expectedVersion)
            .update() == 1;
    }

    /**
     * A page of persons matching a query, ordered by family name, and the number of all
     * matches.
     */
    public record Found(List<Person> items, long total) {
    }

    /**
     * Name words match tokens by prefix as a range
     * ({@code token >= 'al' and token < 'am'}), not with {@code like 'al%'}: under
     * row-level security PostgreSQL may only use leakproof operators in an index
     * condition, and {@code like} is not, so it would read every token of the
     * municipality. The page is chosen on the index (sort name and id) first and only its
     * rows are read in full. Plans for names and lists are made for the actual
     * municipality and words each time (no generic plan): municipalities differ a
     * hundredfold in size, and a plan that suits the average one is slow for the largest.
     * A look-up by number finds at most one person, for which any plan will do.
     */
    public Found search(UUID municipalityId, String query, boolean includeEnded, int page, int size) {
        return list(municipalityId,
                new ListQuery(query, includeEnded, null, null, List.of(), null, Sort.NAME, page, size), Map.of());
    }

    /** The orders of the person list. */
    public enum Sort {

        /** By family name, then given names. */
        NAME("p.sort_name", "p.sort_name, p.id", "page.sort_name, page.id"),
        /** The latest arrival first, persons without an arrival date last. */
        ARRIVAL("p.arrival_date, p.sort_name", "p.arrival_date desc nulls last, p.sort_name, p.id",
                "page.arrival_date desc nulls last, page.sort_name, page.id"),
        /** By category, then by name. */
        CATEGORY("p.category, p.sort_name", "p.category, p.sort_name, p.id", "page.category, page.sort_name, page.id");

        private final String columns;

        private final String order;

        private final String pageOrder;

        Sort(String columns, String order, String pageOrder) {
            this.columns = columns;
            this.order = order;
            this.pageOrder = pageOrder;
        }

    }

    /**
     * A page of the person list: a name, BSN or V-number ({@code query}, may be empty),
     * the category, the year of arrival, conditions other modules contribute (SQL over
     * {@code p.id}, reading the parameters given with them) and the order.
     */
    public record ListQuery(String query, boolean includeEnded, @Nullable Category category,
            @Nullable Integer arrivalYear, List<String> conditions, @Nullable String holderCondition, Sort sort,
            int page, int size) {
    }

    /**
     * A page of the person list and the number of all that match. The page is chosen on
     * {@code person} and its indexes first (the conditions of other modules are
     * semi-joins on their own indexes per person) and only its rows are read in full.
     */
    public Found list(UUID municipalityId, ListQuery q, Map<String, Object> conditionParams) {
        StringBuilder where = new StringBuilder(" where p.municipality_id = :m");
        Map<String, Object> params = new HashMap<>(conditionParams);
        params.put("m", municipalityId);
        if (!q.includeEnded()) {
            where.append(" and p.ended_on is null");
        }
        String query = q.query();
        String digits = query.replace(" ", "").replace(".", "");
        boolean byNumber = Residents.identifiesByNumber(query);
        boolean byName = false;
        if (digits.matches("\\d{8,9}")) {
            where.append(" and p.bsn = :bsn");
            params.put("bsn", Bsn.normalise(digits));
        }
        else if (digits.matches("\\d{10}")) {
            where.append(" and p.v_number = :v");
            params.put("v", digits);
        }
        else {
            List<String> words = NameTokens.words(query);
            byName = !words.isEmpty();
            if (byName) {
                List<String> selects = new ArrayList<>();
                for (int i = 0; i < Math.min(words.size(), MAX_WORDS); i++) {
                    String word = words.get(i);
                    String after = afterPrefix(word);
                    selects.add("select person_id from person_name_token where municipality_id = :m and token >= :w" + i
                            + (after == null ? "" : " and token < :u" + i));
                    params.put("w" + i, word);
                    if (after != null) {
                        params.put("u" + i, after);
                    }
                }
                where.append(" and p.id in (").append(String.join(" intersect ", selects)).append(")");
            }
        }
        if (q.category() != null) {
            where.append(" and p.category = :category");
            params.put("category", q.category().name());
        }
        if (q.arrivalYear() != null) {
            where.append(" and p.arrival_date >= :arrivedFrom and p.arrival_date < :arrivedBefore");
            params.put("arrivedFrom", LocalDate.of(q.arrivalYear(), 1, 1));
            params.put("arrivedBefore", LocalDate.of(q.arrivalYear() + 1, 1, 1));
        }
        if (q.holderCondition() != null) {
            where.append(" and ").append(q.holderCondition());
        }
        for (String condition : q.conditions()) {
            where.append(" and (").append(condition).append(")");
        }
        if (!byNumber) {
            jdbc.sql("select set_config('plan_cache_mode', 'force_custom_plan', true)").query(String.class).single();
        }
        if (byName) {
            return pageWithCount(where.toString(), params, q);
        }
        long total = count(where.toString(), params);
        if (total == 0 || (long) q.page() * q.size() >= total) {
            return new Found(List.of(), total);
        }
        return new Found(page(where.toString(), "", params, q).stream().map(Counted::person).toList(), total);
    }

    /**
     * A name search visits every match of its words to order them, so it counts them in
     * the same pass ({@code count(*) over ()}) instead of in a statement of its own: one
     * scan of the matches instead of two. A page past the last has no row to carry the
     * number; then it is counted apart.
     */
    private Found pageWithCount(String where, Map<String, Object> params, ListQuery q) {
        List<Counted> rows = page(where, ", count(*) over () as total", params, q);
        if (rows.isEmpty()) {
            return new Found(List.of(), q.page() == 0 ? 0 : count(where, params));
        }
        return new Found(rows.stream().map(Counted::person).toList(), rows.get(0).total());
    }

    private long count(String where, Map<String, Object> params) {
        return jdbc.sql("select count(*) from person p" + where).params(params).query(Long.class).single();
    }

    private List<Counted> page(String where, String counted, Map<String, Object> params, ListQuery q) {
        return jdbc
            .sql("select " + COLUMNS + (counted.isEmpty() ? ", -1 as total" : ", page.total") + " from (select p.id, "
                    + q.sort().columns + counted + " from person p" + where + " order by " + q.sort().order
                    + " limit :limit offset :offset) page"
                    + " join person p on p.id = page.id and p.municipality_id = :m"
                    + " left join household_member hm on hm.person_id = p.id and hm.municipality_id = p.municipality_id"
                    + " order by " + q.sort().pageOrder)
            .params(params)
            .param("limit", q.size())
            .param("offset", (long) q.page() * q.size())
            .query((rs, row) -> new Counted(person(rs, row), rs.getLong("total")))
            .list();
    }

    /** A person of a page with the number of all matches (-1 when counted apart). */
    private record Counted(Person person, long total) {
    }

    /**
     * The least string above every string that starts with {@code prefix} in code point
     * order (the order of collation "C"): the prefix with its last character one higher.
     * Null when there is none.
     */
    static @Nullable String afterPrefix(String prefix) {
        if (prefix.isEmpty()) {
            return null;
        }
        int last = prefix.codePointBefore(prefix.length());
        int next = last + 1;
        if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
            next = Character.MAX_SURROGATE + 1;
        }
        if (next > Character.MAX_CODE_POINT) {
            return null;
        }
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(next);
    }

    private void replaceTokens(UUID municipalityId, UUID id, PersonData data) {
        jdbc.sql("delete from person_name_token where municipality_id = :m and person_id = :id")
            .param("m", municipalityId)
            .param("id", id)
            .update();
        Set<String> tokens = NameTokens.of(data.givenName(), data.familyName());
        jdbc.sql("""
                insert into person_name_token (municipality_id, token, person_id)
                select :m, t, :id from unnest(string_to_array(:tokens, ' ')) as t on conflict do nothing
                """).param("m", municipalityId).param("id", id).param("tokens", String.join(" ", tokens)).update();
    }

    private static Map<String, Object> parameters(UUID municipalityId, UUID id, PersonData data) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("m", municipalityId);
        params.put("given", data.givenName());
        params.put("family", data.familyName());
        params.put("sort", NameTokens.sortName(data.familyName(), data.givenName()));
        params.put("dob", data.dateOfBirth());
        params.put("gender", data.gender() == null ? null : data.gender().name());
        params.put("category", data.category() == null ? null : data.category().name());
        params.put("bsn", data.bsn());
        params.put("v", data.vNumber());
        params.put("cob", data.countryOfBirth());
        params.put("nat", data.nationality());
        params.put("languages", String.join(",", data.languages()));
        params.put("phone", data.phone());
        params.put("email", data.email());
        params.put("street", data.street());
        params.put("house", data.houseNumber());
        params.put("postcode", data.postcode());
        params.put("city", data.city());
        params.put("arrival", data.arrivalDate());
        params.put("registration", data.registrationDate());
        return params;
    }

    static Person person(ResultSet rs, int row) throws SQLException {
        Array languages = rs.getArray("languages");
        String gender = rs.getString("gender");
        String endReason = rs.getString("end_reason");
        PersonData data = new PersonData(rs.getString("given_names"), rs.getString("family_name"),
                rs.getObject("date_of_birth", LocalDate.class), gender == null ? null : Gender.valueOf(gender),
                Category.valueOf(rs.getString("category")), rs.getString("bsn"), rs.getString("v_number"),
                rs.getString("country_of_birth"), rs.getString("nationality"),
                languages == null ? List.of() : Arrays.asList((String[]) languages.getArray()), rs.getString("phone"),
                rs.getString("email"), rs.getString("street"), rs.getString("house_number"), rs.getString("postcode"),
                rs.getString("city"), rs.getObject("arrival_date", LocalDate.class),
                rs.getObject("registration_date", LocalDate.class));
        return new Person(rs.getObject("id", UUID.class), rs.getInt("version"), data,
                rs.getObject("household_id", UUID.class), rs.getObject("team_id", UUID.class),
                rs.getObject("ended_on", LocalDate.class), endReason == null ? null : EndReason.valueOf(endReason));
    }

}
