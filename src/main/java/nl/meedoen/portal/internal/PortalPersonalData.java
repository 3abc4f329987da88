package nl.meedoen.portal.internal;

import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.PersonalData;
import nl.meedoen.audit.PersonalDataRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What Mijn Meedoen holds on a person for the right of access: the messages with the
 * caseworkers and the changes the person reported, with their decisions.
 */
@Component
class PortalPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    PortalPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public List<Section> of(UUID personId) {
        return List.of(PersonalDataRows.section(jdbc, "portal.message", "Berichten in Mijn Meedoen", """
                select m.sent_at, m.from_resident, m.author_role, m.body, m.read_at from portal_message m
                where m.person_id = :person order by m.sent_at""", personId),
                PersonalDataRows.section(jdbc, "portal.changeRequest", "Gemelde wijzigingen in Mijn Meedoen", """
                        select c.requested_at, c.phone, c.email, c.street, c.house_number, c.postcode, c.city,
                            c.status, c.decided_at, c.decision_note
                        from change_request c where c.person_id = :person order by c.requested_at""", personId));
    }

}
