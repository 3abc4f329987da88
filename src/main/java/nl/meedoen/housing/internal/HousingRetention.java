package nl.meedoen.housing.internal;

import java.time.Period;
import java.util.List;

import nl.meedoen.audit.RetainedText;
import nl.meedoen.audit.RetainedText.Table;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention of housing's free text: the note of a cancelled match and the address of a
 * placement, per person of the match or placement. Dates, the cancellation's reason and
 * the counts of the quota stay.
 */
@Component
class HousingRetention extends RetainedText {

    static final String TEXT = "housing.text";

    static final List<Table> TABLES = List.of(
            new Table("housing_match t", "housing_match_person p", "p.match_id = t.id", "p.person_id", List.of(),
                    List.of("t.cancel_note")),
            new Table("housing_placement t", "housing_placement_person p", "p.placement_id = t.id", "p.person_id",
                    List.of("t.address"), List.of()));

    HousingRetention(JdbcClient jdbc) {
        super(jdbc, new RecordType(TEXT, Period.ofYears(2), "gemeentelijke keuze"), TABLES);
    }

}
