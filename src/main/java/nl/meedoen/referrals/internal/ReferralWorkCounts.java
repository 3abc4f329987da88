package nl.meedoen.referrals.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.identity.WorkCounts;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Referrals on the start page: for the caseworker the partners' responses to the own
 * referrals since the last visit; for a partner the referrals sent to the organisation
 * since the last visit and those waiting for its response. On a first visit "since the
 * last visit" counts the last {@link #FIRST_VISIT} days.
 */
@Component
class ReferralWorkCounts implements WorkCounts {

    static final Duration FIRST_VISIT = Duration.ofDays(7);

    private final JdbcClient jdbc;

    private final Clock clock;

    ReferralWorkCounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<WorkCount> counts(CurrentUser user, @Nullable Instant since) {
        Instant from = since != null ? since : Instant.now(clock).minus(FIRST_VISIT);
        if (user.hasRole(Role.CASEWORKER) || user.hasRole(Role.TEAM_LEAD)) {
            // only a referral with an answered status that changed in the window can have
            // an answer recorded in it (V291's index): waiting referrals are not read
            long responses = jdbc.sql("""
                    select count(*) from referral_transition t join referral r on r.id = t.referral_id
                    where t.municipality_id = :m and r.municipality_id = :m and r.created_by = :user
                        and r.status in ('ACCEPTED', 'DECLINED', 'STARTED', 'COMPLETED', 'DROPPED_OUT', 'WITHDRAWN')
                        and r.status_at > :from
                        and t.to_status in ('ACCEPTED', 'DECLINED', 'STARTED', 'COMPLETED', 'DROPPED_OUT')
                        and t.at > :from""")
                .param("m", user.municipalityId())
                .param("user", user.id())
                .param("from", from.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .single();
            return List.of(WorkCount.of(Section.MINE, 40, "work.count.partnerResponses", responses, "/verwijzingen")
                .withBadgeOn("/verwijzingen"));
        }
        if (user.hasRole(Role.PARTNER) && user.partnerId() != null) {
            return jdbc.sql("""
                    select count(*) filter (where r.status = 'SENT') as waiting,
                        count(*) filter (where exists (select 1 from referral_transition t
                            where t.municipality_id = :m and t.referral_id = r.id and t.to_status = 'SENT'
                                and t.at > :from)) as fresh
                    from referral r
                    where r.municipality_id = :m and r.partner_id = :partner and r.status <> 'DRAFT'""")
                .param("m", user.municipalityId())
                .param("partner", user.partnerId())
                .param("from", from.atOffset(ZoneOffset.UTC))
                .query((rs,
                        n) -> List.of(WorkCount.of(Section.PARTNER, 10, "work.count.partnerNew", rs.getLong("fresh"),
                                "/partner/verwijzingen"), partnerWaiting(rs.getLong("waiting"))))
                .single();
        }
        return List.of();
    }

    /**
     * The badges only: the caseworker's one count is its badge; a partner's badge counts
     * the referrals waiting for its response, not the new ones.
     */
    @Override
    public List<WorkCount> badges(CurrentUser user, @Nullable Instant since) {
        if (user.hasRole(Role.PARTNER) && user.partnerId() != null) {
            long waiting = jdbc.sql("""
                    select count(*) from referral r
                    where r.municipality_id = :m and r.partner_id = :partner and r.status = 'SENT'""")
                .param("m", user.municipalityId())
                .param("partner", user.partnerId())
                .query(Long.class)
                .single();
            return List.of(partnerWaiting(waiting));
        }
        return counts(user, since);
    }

    private static WorkCount partnerWaiting(long count) {
        return WorkCount.of(Section.PARTNER, 20, "work.count.partnerWaiting", count, "/partner/verwijzingen")
            .withBadgeOn("/partner/verwijzingen");
    }

}
