package nl.meedoen.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.platform.Tenancy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The caseworkers and team leads of the current municipality, by team: who can hold a
 * person's file.
 */
@Component
public class Colleagues {

    /** A member of a caseworker team. */
    public record Colleague(UUID id, String displayName, Role role, UUID teamId) {
    }

    private final JdbcClient jdbc;

    Colleagues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The enabled caseworkers and team leads of a team of the current municipality, by
     * name.
     */
    public List<Colleague> ofTeam(UUID teamId) {
        return jdbc.sql("""
                select id, display_name, role, team_id from app_user
                where municipality_id = :m and team_id = :team and enabled
                    and role in ('CASEWORKER', 'TEAM_LEAD')
                order by display_name""")
            .param("m", Tenancy.require())
            .param("team", teamId)
            .query(Colleague.class)
            .list();
    }

    /** A caseworker or team lead of the current municipality. */
    public Optional<Colleague> find(UUID userId) {
        return jdbc.sql("""
                select id, display_name, role, team_id from app_user
                where municipality_id = :m and id = :id and team_id is not null
                    and role in ('CASEWORKER', 'TEAM_LEAD')""")
            .param("m", Tenancy.require())
            .param("id", userId)
            .query(Colleague.class)
            .optional();
    }

}
