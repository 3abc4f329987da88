package nl.meedoen.trajectories.internal;

import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.PersonalData;
import nl.meedoen.audit.PersonalDataRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the trajectories module holds on a person for the right of access: guidance,
 * integration duty, participation declaration, intake, exemptions, route, exams,
 * ontzorgen, lesson hours.
 */
@Component
class TrajectoriesPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    TrajectoriesPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<Section> of(UUID personId) {
        return List.of(
                PersonalDataRows.section(jdbc, "trajectories.guidance", "Maatschappelijke begeleiding",
                        "select * from guidance where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "trajectories.extension", "Verlengingen van de begeleiding", """
                        select x.* from guidance_extension_request x join guidance g on g.id = x.guidance_id
                        where g.person_id = :person""", personId),
                PersonalDataRows.section(jdbc, "trajectories.integration_duty", "Inburgeringsplicht",
                        "select * from integration_duty where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "trajectories.participation_declaration", "Participatieverklaring",
                        "select * from participation_declaration where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "trajectories.participation_session",
                        "Participatieverklaring bijeenkomsten",
                        "select * from participation_session where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "trajectories.broad_intake", "Brede intake",
                        "select * from broad_intake where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "trajectories.intake_appointment", "Intake-afspraken",
                        "select * from intake_appointment where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "trajectories.integration_exemption", "Ontheffingen en vrijstellingen",
                        "select * from integration_exemption where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "trajectories.route_change", "Wijzigingen leerroute",
                        "select * from route_change where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "trajectories.exam_result", "Examens",
                        "select * from exam_result where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "trajectories.ontzorgen", "Ontzorgen",
                        "select * from ontzorgen where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "trajectories.nt2_lesson_hours", "Lesuren NT2",
                        "select * from nt2_lesson_hours where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "trajectories.trajectory_caseworker", "Trajectbegeleider",
                        "select * from trajectory_caseworker where person_id = :person", personId));
    }

}
