package nl.meedoen.trajectories.internal;

import java.time.Period;
import java.util.List;

import nl.meedoen.audit.RetainedText;
import nl.meedoen.audit.RetainedText.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention of the trajectory's free text: the reasons of extension requests and their
 * decision notes, the handover reason, the intake's histories and notes and the
 * appointment's place, the reasons of route changes and the texts of fines. Statuses,
 * dates, hours, routes and outcomes stay, so monitoring and the legal deadlines still
 * count.
 */
@Component
class TrajectoriesRetention extends RetainedText {

    static final String TEXT = "trajectories.text";

    static final List<Table> TABLES = List.of(
            Table.of("guidance t", "t.person_id", List.of(), List.of("t.handover_reason")),
            new Table("guidance_extension_request t", "guidance g", "g.id = t.guidance_id", "g.person_id",
                    List.of("t.decision_note"), List.of("t.reason")),
            Table.of("broad_intake t", "t.person_id",
                    List.of("t.learnability_result", "t.education_history", "t.work_history",
                            "t.personal_circumstances", "t.health_notes"),
                    List.of()),
            Table.of("intake_appointment t", "t.person_id", List.of("t.location"), List.of()),
            Table.of("route_change t", "t.person_id", List.of(), List.of("t.reason")),
            Table.of("fine t", "t.person_id", List.of(),
                    List.of("t.facts", "t.blame_assessment", "t.person_view", "t.reduction_reason", "t.end_reason")),
            new Table("fine_step t", "fine f", "f.id = t.fine_id", "f.person_id", List.of(), List.of("t.note")));

    TrajectoriesRetention(JdbcClient jdbc) {
        super(jdbc, new RecordType(TEXT, Period.ofYears(2), "gemeentelijke keuze"), TABLES);
    }

}
