package nl.meedoen.network.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import nl.meedoen.network.VolunteerRole;
import nl.meedoen.network.internal.MatchRequests.MatchRequest;
import nl.meedoen.network.internal.Scoring.Profile;
import nl.meedoen.network.internal.Scoring.Scored;
import nl.meedoen.network.internal.Volunteers.Volunteer;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.Gender;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposes volunteers for a match request. Each instance keeps every active volunteer of
 * a municipality as one compact in-memory row and reloads them only when the
 * municipality's generation moved (every change to a volunteer or to a load raises it in
 * its transaction, so several instances stay correct). Whoever may not be proposed
 * ({@link Proposable}) or is already proposed for this request is left out;
 * {@link Scoring} ranks the rest with the municipality's weights and explains the best.
 */
@Service
public class Matching {

    private final JdbcClient jdbc;

    private final NetworkSettings settings;

    private final Clock clock;

    Matching(JdbcClient jdbc, NetworkSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** The best {@code limit} candidates for a request, best first. */
    @Transactional(readOnly = true)
    public List<Scored> rank(MatchRequest request, int limit) {
        NetworkSettings.Rules rules = settings.current();
        LocalDate today = LocalDate.now(clock);
        Set<UUID> proposed = new HashSet<>(jdbc.sql("""
                select volunteer_id from buddy_match
                 where municipality_id = :m and match_request_id = :r and status <> 'ENDED'""")
            .param("m", Tenancy.require())
            .param("r", request.id())
            .query(UUID.class)
            .list());
        List<Profile> eligible = new ArrayList<>();
        for (Candidate c : snapshot().candidates()) {
            if (c.refusalFor(request, rules, today) == null && !proposed.contains(c.profile().id())) {
                eligible.add(c.profile());
            }
        }
        return Scoring.best(request.wish(), eligible, rules.weights(), limit);
    }

    /** The score a volunteer would get for a request now. */
    Scored score(MatchRequest request, Volunteer volunteer) {
        return Scoring.score(request.wish(), profile(volunteer), settings.current().weights());
    }

    static Profile profile(Volunteer v) {
        return new Profile(v.id(), v.languages().stream().map(Volunteers.Language::code).toArray(String[]::new),
                v.languages().stream().map(l -> l.level().name()).toArray(String[]::new),
                v.countries().toArray(String[]::new),
                Stream.concat(v.skills().stream(), v.interests().stream()).toArray(String[]::new),
                WeekdayPart.mask(v.availability()), v.postcode() == null ? 0 : Postcodes.area(v.postcode()), v.gender(),
                v.activeMatches(), v.maxMatches());
    }

    /**
     * Raises the municipality's generation: call in every transaction that changes a
     * volunteer or a load.
     */
    void changed() {
        jdbc.sql("""
                insert into network_generation (municipality_id, generation) values (:m, 1)
                on conflict (municipality_id) do update set generation = network_generation.generation + 1""")
            .param("m", Tenancy.require())
            .update();
    }

    /** An active volunteer as the candidate list keeps it in memory. */
    record Candidate(Profile profile, Set<VolunteerRole> roles, @Nullable LocalDate vogDate,
            @Nullable UUID personId) implements Proposable {

        @Override
        public boolean active() {
            return true;
        }

        @Override
        public int activeMatches() {
            return profile.activeMatches();
        }

        @Override
        public int maxMatches() {
            return profile.maxMatches();
        }
    }

    record Snapshot(long generation, List<Candidate> candidates) {
    }

    private final Map<UUID, Snapshot> snapshots = new ConcurrentHashMap<>();

    /**
     * This instance's rows of the current municipality, reloaded when another change
     * raised the generation.
     */
    private Snapshot snapshot() {
        UUID m = Tenancy.require();
        long generation = jdbc.sql("select generation from network_generation where municipality_id = :m")
            .param("m", m)
            .query(Long.class)
            .optional()
            .orElse(0L);
        Snapshot snapshot = snapshots.get(m);
        if (snapshot == null || snapshot.generation() != generation) {
            snapshot = new Snapshot(generation, load(m));
            snapshots.put(m, snapshot);
        }
        return snapshot;
    }

    /**
     * Every active volunteer in one compact row, the arrays joined into one text column
     * ({@code US} between values, {@code RS} between the arrays): reading one string and
     * splitting it is cheaper than four JDBC arrays.
     */
    private List<Candidate> load(UUID municipality) {
        return jdbc
            .sql("""
                    select v.id, v.availability, coalesce(v.postcode_area, 0), v.gender, coalesce(l.n, 0), v.max_matches,
                           array_to_string(v.languages, E'\\x1f') || E'\\x1e' || array_to_string(v.language_levels, E'\\x1f')
                           || E'\\x1e' || array_to_string(v.countries, E'\\x1f') || E'\\x1e'
                           || array_to_string(v.skills || v.interests, E'\\x1f') || E'\\x1e'
                           || array_to_string(v.roles, E'\\x1f'),
                           v.vog_date, v.person_id
                      from volunteer v
                      left join (select volunteer_id, count(*) as n from buddy_match
                                  where municipality_id = :m and status <> 'ENDED' group by volunteer_id) l
                             on l.volunteer_id = v.id
                     where v.municipality_id = :m and v.active""")
            .param("m", municipality)
            .query((rs, n) -> {
                String gender = rs.getString(4);
                String[] parts = rs.getString(7).split("\u001e", -1);
                Set<VolunteerRole> roles = EnumSet.noneOf(VolunteerRole.class);
                for (String role : values(parts[4])) {
                    roles.add(VolunteerRole.valueOf(role));
                }
                Profile profile = new Profile(rs.getObject(1, UUID.class), values(parts[0]), values(parts[1]),
                        values(parts[2]), values(parts[3]), rs.getInt(2), rs.getInt(3),
                        gender == null ? null : Gender.valueOf(gender), rs.getInt(5), rs.getInt(6));
                return new Candidate(profile, roles, rs.getObject(8, LocalDate.class), rs.getObject(9, UUID.class));
            })
            .list();
    }

    private static final String[] NONE = new String[0];

    private static String[] values(String joined) {
        return joined.isEmpty() ? NONE : joined.split("\u001f");
    }

}
