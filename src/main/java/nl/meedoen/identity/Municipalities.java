package nl.meedoen.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The municipalities Meedoen serves, and their caseworker teams. */
@Component
public class Municipalities {

    private final JdbcClient jdbc;

    Municipalities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Municipality> all() {
        return jdbc.sql("select id, code, name from municipality order by code").query(Municipality.class).list();
    }

    public Optional<Municipality> byCode(String code) {
        return jdbc.sql("select id, code, name from municipality where code = :code")
            .param("code", code)
            .query(Municipality.class)
            .optional();
    }

    /** The team of a municipality with that name, if there is one. */
    public Optional<UUID> team(UUID municipalityId, String name) {
        return jdbc.sql("select id from team where municipality_id = :m and name = :name")
            .param("m", municipalityId)
            .param("name", name)
            .query(UUID.class)
            .optional();
    }

    /** The teams of a municipality by id with their names, in name order. */
    public Map<UUID, String> teamNames(UUID municipalityId) {
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.sql("select id, name from team where municipality_id = :m order by name")
            .param("m", municipalityId)
            .query((rs, row) -> names.put(rs.getObject("id", UUID.class), rs.getString("name")))
            .list();
        return names;
    }

    /** The ids of the teams of a municipality, in name order. */
    public List<UUID> teams(UUID municipalityId) {
        return jdbc.sql("select id from team where municipality_id = :m order by name")
            .param("m", municipalityId)
            .query(UUID.class)
            .list();
    }

}
