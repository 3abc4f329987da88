package nl.meedoen.housing.internal;

import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.PersonalData;
import nl.meedoen.audit.PersonalDataRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the housing module holds on a person for the right of access: the match
 * (koppeling) and the placement.
 */
@Component
class HousingPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    HousingPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<Section> of(UUID personId) {
        return List.of(PersonalDataRows.section(jdbc, "housing.match", "Koppeling voor huisvesting", """
                select m.* from housing_match m
                join housing_match_person p on p.match_id = m.id where p.person_id = :person""", personId),
                PersonalDataRows.section(jdbc, "housing.placement", "Huisvesting", """
                        select h.* from housing_placement h
                        join housing_placement_person p on p.placement_id = h.id where p.person_id = :person""",
                        personId));
    }

}
