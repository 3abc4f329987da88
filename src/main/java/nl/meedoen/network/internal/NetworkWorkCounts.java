package nl.meedoen.network.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.identity.WorkCounts;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The volunteer coordinator's start page: the open match requests (also the badge of
 * "Maatjes") and the active matches whose check-in is overdue (due before today, the
 * municipality's check-in weeks after the start, not logged).
 */
@Component
class NetworkWorkCounts implements WorkCounts {

    private final JdbcClient jdbc;

    private final NetworkSettings settings;

    private final Clock clock;

    NetworkWorkCounts(JdbcClient jdbc, NetworkSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<WorkCount> counts(CurrentUser user, @Nullable Instant since) {
        if (!user.hasRole(Role.VOLUNTEER_COORDINATOR)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                select (select count(*) from match_request where municipality_id = :m and status = 'OPEN') as open,
                    (select count(*) from buddy_match b where b.municipality_id = :m and b.status = 'ACTIVE'
                        and b.started_on < :startedBefore
                        and not exists (select 1 from buddy_match_log g where g.municipality_id = b.municipality_id
                            and g.match_id = b.id and g.kind = 'CHECK_IN')) as overdue""")
            .param("m", user.municipalityId())
            .param("startedBefore", today.minusWeeks(settings.current().checkInWeeks()))
            .query((rs, n) -> List.of(openRequests(rs.getLong("open")),
                    WorkCount.of(Section.NETWORK, 20, "work.count.overdueCheckIns", rs.getLong("overdue"), "/netwerk")))
            .single();
    }

    /** The badge of "Maatjes": the open match requests only. */
    @Override
    public List<WorkCount> badges(CurrentUser user, @Nullable Instant since) {
        if (!user.hasRole(Role.VOLUNTEER_COORDINATOR)) {
            return List.of();
        }
        long open = jdbc.sql("select count(*) from match_request where municipality_id = :m and status = 'OPEN'")
            .param("m", user.municipalityId())
            .query(Long.class)
            .single();
        return List.of(openRequests(open));
    }

    private static WorkCount openRequests(long count) {
        return WorkCount.of(Section.NETWORK, 10, "work.count.openMatchRequests", count, "/netwerk")
            .withBadgeOn("/netwerk");
    }

}
