package nl.meedoen.residents.internal;

import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.PersonalData;
import nl.meedoen.audit.PersonalDataRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the residents module holds on a person for the right of access: the file and
 * household membership.
 */
@Component
class ResidentsPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ResidentsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Section> of(UUID personId) {
        return List.of(PersonalDataRows.section(jdbc, "residents.person", "Dossier", """
                select id, given_names, family_name, date_of_birth, gender, category, bsn, v_number,
                       country_of_birth, nationality, languages, phone, email, street, house_number, postcode,
                       city, arrival_date, registration_date, ended_on, end_reason, created_at, updated_at
                from person where id = :person""", personId), PersonalDataRows
            .section(jdbc, "residents.household", "Huishouden", """
                    select m.household_id, m.role, m.since,
                           (select count(*) from household_member o where o.household_id = m.household_id) as members
                    from household_member m where m.person_id = :person""", personId));
    }

}
