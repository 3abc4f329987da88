package nl.meedoen.network.internal;

import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.PersonalData;
import nl.meedoen.audit.PersonalDataRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the network module holds on a person for the right of access: match requests,
 * buddy matches with their log, the own network.
 */
@Component
class NetworkPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    NetworkPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<Section> of(UUID personId) {
        return List.of(
                PersonalDataRows.section(jdbc, "network.request", "Aanvragen voor een maatje",
                        "select * from match_request where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "network.match", "Maatjes", """
                        select b.id, b.role, b.status, b.proposed_on, b.introduced_on, b.started_on, b.ended_on,
                               b.end_reason, v.given_name || ' ' || v.family_name as volunteer
                        from buddy_match b join volunteer v on v.id = b.volunteer_id
                        where b.person_id = :person""", personId),
                PersonalDataRows.section(jdbc, "network.match_log", "Logboek van de maatjes", """
                        select l.* from buddy_match_log l join buddy_match b on b.id = l.match_id
                        where b.person_id = :person""", personId),
                PersonalDataRows.section(jdbc, "network.contact", "Eigen netwerk",
                        "select * from person_contact where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "network.volunteer", "Als vrijwilliger",
                        "select * from volunteer where person_id = :person", personId));
    }

}
