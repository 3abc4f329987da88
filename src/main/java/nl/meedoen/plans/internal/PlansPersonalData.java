package nl.meedoen.plans.internal;

import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.PersonalData;
import nl.meedoen.audit.PersonalDataRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the plans module holds on a person for the right of access: the plan with every
 * version, its goals and actions, progress, reviews, language levels, lessons, children,
 * work and income.
 */
@Component
class PlansPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    PlansPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<Section> of(UUID personId) {
        return List.of(
                PersonalDataRows.section(jdbc, "plans.plan", "Persoonlijk plan",
                        "select * from plan where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "plans.version", "Versies van het plan", """
                        select v.* from plan_version v join plan p on p.id = v.plan_id
                        where p.person_id = :person order by v.created_at""", personId),
                PersonalDataRows.section(jdbc, "plans.goal", "Doelen per versie",
                        """
                                select g.* from plan_goal g join plan_version v on v.id = g.version_id join plan p on p.id = v.plan_id
                                where p.person_id = :person""",
                        personId),
                PersonalDataRows.section(jdbc, "plans.action", "Acties per versie",
                        """
                                select a.* from plan_action a join plan_version v on v.id = a.version_id join plan p on p.id = v.plan_id
                                where p.person_id = :person""",
                        personId),
                PersonalDataRows.section(jdbc, "plans.review", "Voortgangsgesprekken", """
                        select r.* from plan_review r join plan p on p.id = r.plan_id where p.person_id = :person""",
                        personId),
                PersonalDataRows.section(jdbc, "plans.language", "Taalniveaus",
                        "select * from language_level where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "plans.lessons", "Lessen NT2",
                        "select * from nt2_lesson_entry where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "plans.children", "Onderwijs van de kinderen",
                        "select * from child_education where child_id = :person", personId),
                PersonalDataRows.section(jdbc, "plans.income", "Inkomen",
                        "select * from income_period where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "plans.work", "Werk",
                        "select * from work_situation where person_id = :person", personId),
                PersonalDataRows.section(jdbc, "plans.wegwijs", "Wegwijs",
                        "select * from wegwijs_known where person_id = :person", personId));
    }

}
