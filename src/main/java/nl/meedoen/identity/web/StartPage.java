package nl.meedoen.identity.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.WorkCounts;
import nl.meedoen.identity.WorkCounts.WorkCount;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counts of "Mijn werk": every module's {@link WorkCounts}, grouped per section, and
 * the user's visits that "since the last visit" counts from.
 * <p>
 * A visit is a working session: opening the start page again within {@link #SESSION_GAP}
 * keeps the previous visit, so a reload does not reset the counts.
 */
@Component
class StartPage {

    /** How long the start page may be left before a new visit begins. */
    static final Duration SESSION_GAP = Duration.ofHours(1);

    private final List<WorkCounts> contributions;

    private final JdbcClient jdbc;

    private final Clock clock;

    StartPage(List<WorkCounts> contributions, JdbcClient jdbc, Clock clock) {
        this.contributions = contributions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records the visit and answers the start of the previous one (or {@code null} on the
     * first visit).
     */
    @Transactional
    @Nullable Instant visit(CurrentUser user) {
        Instant now = Instant.now(clock);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime newSessionBefore = now.minus(SESSION_GAP).atOffset(ZoneOffset.UTC);
        return jdbc.sql("""
                insert into start_page_visit (municipality_id, user_id, previous_visit, last_visit)
                values (:m, :user, null, :now)
                on conflict (municipality_id, user_id) do update
                    set previous_visit = case when start_page_visit.last_visit < :gap
                            then start_page_visit.last_visit else start_page_visit.previous_visit end,
                        last_visit = :now
                returning previous_visit""")
            .param("m", user.municipalityId())
            .param("user", user.id())
            .param("now", at)
            .param("gap", newSessionBefore)
            .query((rs, n) -> {
                OffsetDateTime previous = rs.getObject("previous_visit", OffsetDateTime.class);
                return previous == null ? null : previous.toInstant();
            })
            .optional()
            .orElse(null);
    }

    /** The start of the previous visit, without recording one. */
    @Transactional(readOnly = true)
    @Nullable Instant previousVisit(CurrentUser user) {
        return jdbc.sql("select previous_visit from start_page_visit where municipality_id = :m and user_id = :user")
            .param("m", user.municipalityId())
            .param("user", user.id())
            .query((rs, n) -> {
                OffsetDateTime previous = rs.getObject("previous_visit", OffsetDateTime.class);
                return previous == null ? null : previous.toInstant();
            })
            .optional()
            .orElse(null);
    }

    /** Every contribution's counts for the user, per section in order. */
    @Transactional(readOnly = true)
    Map<WorkCounts.Section, List<WorkCount>> counts(CurrentUser user, @Nullable Instant since) {
        List<WorkCount> all = new ArrayList<>();
        for (WorkCounts contribution : contributions) {
            all.addAll(contribution.counts(user, since));
        }
        all.sort(Comparator.comparing(WorkCount::section)
            .thenComparingInt(WorkCount::position)
            .thenComparing(WorkCount::messageKey));
        Map<WorkCounts.Section, List<WorkCount>> sections = new LinkedHashMap<>();
        for (WorkCount count : all) {
            sections.computeIfAbsent(count.section(), s -> new ArrayList<>()).add(count);
        }
        return sections;
    }

    /**
     * The badges of the navigation under every page: only the counts shown as badges,
     * each contribution asked for those alone.
     */
    @Transactional(readOnly = true)
    Map<String, Long> navigationBadges(CurrentUser user, @Nullable Instant since) {
        List<WorkCount> all = new ArrayList<>();
        for (WorkCounts contribution : contributions) {
            all.addAll(contribution.badges(user, since));
        }
        return badges(all);
    }

    /**
     * The badges of the navigation from the counts the start page shows: per path, the
     * sum of the counts shown on it.
     */
    Map<String, Long> badges(Map<WorkCounts.Section, List<WorkCount>> sections) {
        return badges(sections.values().stream().flatMap(List::stream).toList());
    }

    private static Map<String, Long> badges(Collection<WorkCount> counts) {
        Map<String, Long> badges = new LinkedHashMap<>();
        counts.stream()
            .filter(count -> count.navPath() != null && count.count() > 0)
            .forEach(count -> badges.merge(count.navPath(), count.count(), Long::sum));
        return badges;
    }

}
