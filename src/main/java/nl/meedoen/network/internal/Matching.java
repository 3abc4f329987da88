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
        NetworkSettings.Rules rules = settings.current();
        return Scoring.best(request.wish(), eligible(request, rules.oldestValidVog(LocalDate.now())), rules.weights(),
                limit);
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

    private List<Profile> eligible(MatchRequest request, LocalDate oldestValidVog) {
        return jdbc.sql("""
                select v.id, v.languages, v.language_levels, v.countries, v.skills || v.interests as interests,
                       v.availability, coalesce(v.postcode_area, 0) as area, v.gender, coalesce(l.n, 0) as load,
                       v.max_matches
                  from volunteer v
                  left join (select volunteer_id, count(*) as n from buddy_match
                              where municipality_id = :m and status <> 'ENDED' group by volunteer_id) l
                         on l.volunteer_id = v.id
                 where v.municipality_id = :m
                   and v.active
                   and :role = any(v.roles)
                   and v.vog_date >= :oldestVog and v.vog_date <= :today
                   and coalesce(l.n, 0) < v.max_matches
                   and v.person_id is distinct from :person
                   and not exists (select 1 from buddy_match b where b.municipality_id = :m
                                      and b.match_request_id = :request and b.volunteer_id = v.id
                                      and b.status <> 'ENDED')""")
            .param("m", Tenancy.require())
            .param("role", request.role().name())
            .param("oldestVog", oldestValidVog)
            .param("today", LocalDate.now())
            .param("person", request.personId())
            .param("request", request.id())
            .query((rs, n) -> {
                String gender = rs.getString(8);
                return new Profile(rs.getObject(1, UUID.class), Arrays2.of(rs.getArray(2)), Arrays2.of(rs.getArray(3)),
                        Arrays2.of(rs.getArray(4)), Arrays2.of(rs.getArray(5)), rs.getInt(6), rs.getInt(7),
                        gender == null ? null : Gender.valueOf(gender), rs.getInt(9), rs.getInt(10));
            })
            .list();
    }
}
