package nl.meedoen.portal.internal;

import java.util.List;
import java.util.UUID;

import nl.meedoen.platform.Tenancy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who gets the caseworker's task when the resident does something in Mijn Meedoen: the
 * trajectory's caseworker, or else every enabled caseworker of the file's team.
 */
@Component
class FileCaseworkers {

    private final JdbcClient jdbc;

    FileCaseworkers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UUID> of(UUID person) {
        UUID m = Tenancy.require();
        List<UUID> assigned = jdbc.sql("""
                select c.user_id from trajectory_caseworker c join app_user u on u.id = c.user_id
                where c.municipality_id = :m and c.person_id = :p and u.enabled""")
            .param("m", m)
            .param("p", person)
            .query(UUID.class)
            .list();
        if (!assigned.isEmpty()) {
            return assigned;
        }
        return jdbc
            .sql("""
                    select u.id from app_user u join person p on p.team_id = u.team_id and p.municipality_id = u.municipality_id
                    where p.municipality_id = :m and p.id = :p and u.role = 'CASEWORKER' and u.enabled order by u.id""")
            .param("m", m)
            .param("p", person)
            .query(UUID.class)
            .list();
    }

}
