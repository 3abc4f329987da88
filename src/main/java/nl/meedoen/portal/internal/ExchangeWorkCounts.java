package nl.meedoen.portal.internal;

import java.time.Instant;
import java.util.List;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.identity.WorkCounts;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mijn Meedoen on the caseworker's start page: the residents' messages no one of the
 * staff has read yet and the changes waiting to be accepted or rejected, in the files of
 * the user's team. Counted in one query each, never naming a person.
 */
@Component
class ExchangeWorkCounts implements WorkCounts {

    private final JdbcClient jdbc;

    ExchangeWorkCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkCount> counts(CurrentUser user, @Nullable Instant since) {
        if (!(user.hasRole(Role.CASEWORKER) || user.hasRole(Role.TEAM_LEAD)) || user.teamId() == null) {
            return List.of();
        }
        return jdbc.sql("""
                select (select count(*) from portal_message g join person p
                            on p.id = g.person_id and p.municipality_id = g.municipality_id
                        where g.municipality_id = :m and p.team_id = :team and g.from_resident
                            and g.read_at is null) as unread,
                       (select count(*) from change_request c join person p
                            on p.id = c.person_id and p.municipality_id = c.municipality_id
                        where c.municipality_id = :m and p.team_id = :team and c.status = 'PENDING') as pending""")
            .param("m", user.municipalityId())
            .param("team", user.teamId())
            .query((rs, n) -> List.of(
                    WorkCount.of(Section.MINE, 50, "work.count.residentMessages", rs.getLong("unread"),
                            "/notificaties"),
                    WorkCount.of(Section.MINE, 51, "work.count.reportedChanges", rs.getLong("pending"),
                            "/notificaties")))
            .single();
    }

}
