package nl.meedoen.network.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.network.internal.MatchRequests.MatchRequest;
import nl.meedoen.network.internal.Scoring.Profile;
import nl.meedoen.network.internal.Scoring.Scored;
import nl.meedoen.network.internal.Volunteers.Arrays2;
import nl.meedoen.network.internal.Volunteers.Volunteer;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Gender;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposes volunteers for a match request: PostgreSQL leaves out whoever may not be proposed (inactive, without
 * the role, without a valid certificate of conduct, at maximum load, already proposed for this request, or the
 * person themselves) and returns one compact row per eligible volunteer; {@link Scoring} ranks them with the
 * municipality's weights and explains the best.
 */
@Service
public class Matching {

    /** Rows beyond the limit that PostgreSQL returns, so that Java's ranking decides the boundary. */
    private static final int MARGIN = 20;

    private final JdbcClient jdbc;

    private final MatchRequests requests;

    private final NetworkSettings settings;

    private final NetworkLog networkLog;

    Matching(JdbcClient jdbc, MatchRequests requests, NetworkSettings settings, NetworkLog networkLog) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.settings = settings;
        this.networkLog = networkLog;
    }

    /** The best {@code limit} candidates for a request, best first; reading the request is logged. */
    @Transactional
    public List<Scored> candidates(UUID requestId, int limit) {
        MatchRequest request = requests.find(requestId).orElseThrow(NotFoundException::new);
        networkLog.log(AuditAction.NETWORK_READ, request.personId());
        return rank(request, limit);
    }

    /** The ranking alone, without logging: for callers that log themselves, and for measuring. */
    @Transactional(readOnly = true)
    public List<Scored> rank(MatchRequest request, int limit) {
        NetworkSettings.Rules rules = settings.current();
        List<Profile> best = eligible(request, rules.oldestValidVog(LocalDate.now()), rules.weights(), limit + MARGIN);
        return Scoring.best(request.wish(), best, rules.weights(), limit);
    }

    /** The score a volunteer would get for a request now. */
    Scored score(MatchRequest request, Volunteer volunteer) {
        return Scoring.score(request.wish(), profile(volunteer), settings.current().weights());
    }

    static Profile profile(Volunteer v) {
        return new Profile(v.id(), v.languages().stream().map(Volunteers.Language::code).toArray(String[]::new),
                v.languages().stream().map(l -> l.level().name()).toArray(String[]::new),
                v.countries().toArray(String[]::new),
                java.util.stream.Stream.concat(v.skills().stream(), v.interests().stream()).toArray(String[]::new),
                WeekdayPart.mask(v.availability()), v.postcode() == null ? 0 : Postcodes.area(v.postcode()),
                v.gender(), v.activeMatches(), v.maxMatches());
    }

    /**
     * PostgreSQL leaves out the volunteers who may not be proposed, scores the others with the same rules as
     * {@link Scoring} and returns only the best {@code top} rows, the arrays joined into one text column ({@code US}
     * between values, {@code RS} between the arrays). Java scores those again with their explanation, so the order
     * shown is always Java's; the margin of extra rows absorbs any rounding difference at the boundary.
     */
    private List<Profile> eligible(MatchRequest request, LocalDate oldestValidVog, Scoring.Weights weights, int top) {
        Scoring.Wish wish = request.wish();
        return jdbc.sql("""
                with w as (select string_to_array(:langs, '|') as langs, string_to_array(:countries, '|') as countries,
                                  string_to_array(:interests, '|') as interests),
                     l as (select volunteer_id, count(*) as n from buddy_match
                            where municipality_id = :m and status <> 'ENDED' group by volunteer_id),
                     e as (select v.*, coalesce(l.n, 0) as load, v.skills || v.interests as words
                             from volunteer v left join l on l.volunteer_id = v.id
                            where v.municipality_id = :m
                              and v.active
                              and :role = any(v.roles)
                              and v.vog_date >= :oldestVog and v.vog_date <= :today
                              and coalesce(l.n, 0) < v.max_matches
                              and v.person_id is distinct from :person
                              and not exists (select 1 from buddy_match b where b.municipality_id = :m
                                                 and b.match_request_id = :request and b.volunteer_id = v.id
                                                 and b.status <> 'ENDED'))
                select e.id, e.availability, coalesce(e.postcode_area, 0), e.gender, e.load, e.max_matches,
                       array_to_string(e.languages, E'\\x1f') || E'\\x1e' || array_to_string(e.language_levels, E'\\x1f')
                       || E'\\x1e' || array_to_string(e.countries, E'\\x1f') || E'\\x1e' || array_to_string(e.words, E'\\x1f')
                  from e cross join w
                 order by (
                       case when e.languages && w.langs then round(:wLanguage * (
                           select max(case t.level when 'BASIC' then 0.5 else 1.0 end)
                             from unnest(e.languages, e.language_levels) as t(code, level)
                            where t.code = any(w.langs))) else 0 end
                     + case when e.countries && w.countries then :wBackground else 0 end
                     + case when :area = 0 or coalesce(e.postcode_area, 0) = 0 then 0
                            when e.postcode_area = :area then :wDistance
                            when abs(e.postcode_area - :area) <= 3 then round(:wDistance * 2 / 3.0)
                            when abs(e.postcode_area - :area) <= 10 then round(:wDistance / 3.0)
                            else 0 end
                     + case when :availability = 0 then 0
                            else round(:wAvailability * bit_count((e.availability & :availability)::bit(32))
                                       / cast(:availabilityParts as numeric)) end
                     + case when e.words && w.interests then round(:wInterests * least(
                           (select count(*) from unnest(e.words) as x where x = any(w.interests)), 2) / 2.0) else 0 end
                     + case when e.gender = cast(:gender as text) then :wPreference else 0 end
                     + round(:wLoad * (e.max_matches - e.load) / cast(e.max_matches as numeric))
                 ) desc, e.id
                 limit :top""")
            .param("m", Tenancy.require())
            .param("role", request.role().name())
            .param("oldestVog", oldestValidVog)
            .param("today", LocalDate.now())
            .param("person", request.personId())
            .param("request", request.id())
            .param("langs", String.join("|", wish.languages()))
            .param("countries", String.join("|", wish.countries()))
            .param("interests", String.join("|", wish.interests()))
            .param("area", wish.postcodeArea())
            .param("availability", wish.availability())
            .param("availabilityParts", Math.max(1, Integer.bitCount(wish.availability())))
            .param("gender", wish.preferredGender() == null ? null : wish.preferredGender().name())
            .param("wLanguage", weights.language())
            .param("wBackground", weights.background())
            .param("wDistance", weights.distance())
            .param("wAvailability", weights.availability())
            .param("wInterests", weights.interests())
            .param("wPreference", weights.preference())
            .param("wLoad", weights.load())
            .param("top", top)
            .query((rs, n) -> {
                String gender = rs.getString(4);
                String[] parts = rs.getString(7).split("\u001e", -1);
                return new Profile(rs.getObject(1, UUID.class), values(parts[0]), values(parts[1]), values(parts[2]),
                        values(parts[3]), rs.getInt(2), rs.getInt(3), gender == null ? null : Gender.valueOf(gender),
                        rs.getInt(5), rs.getInt(6));
            })
            .list();
    }

    private static final String[] NONE = new String[0];

    private static String[] values(String joined) {
        return joined.isEmpty() ? NONE : joined.split("\u001f");
    }
}
