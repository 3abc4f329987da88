package nl.meedoen.datagen;

import java.io.IOException;
import java.sql.SQLException;
import java.util.UUID;

import nl.meedoen.datagen.PersonFactory.SyntheticPerson;
import nl.meedoen.datagen.PersonFactory.Unit;
import nl.meedoen.residents.NameTokens;
import org.postgresql.copy.CopyManager;

/**
 * A few thousand persons with their name tokens, households and household memberships, as
 * {@code COPY} rows. Sent table by table in the order the foreign keys need (persons and
 * households before tokens and members), so that memory holds one chunk at a time, never
 * the whole dataset.
 */
final class Chunk {

    private final CopyText persons = new CopyText("""
            person (id, municipality_id, team_id, given_names, family_name, sort_name, date_of_birth, gender,
                    category, bsn, v_number, country_of_birth, nationality, languages, phone, email, street,
                    house_number, postcode, city, arrival_date, registration_date, ended_on, end_reason, version)""");

    private final CopyText households = new CopyText("household (id, municipality_id, version)");

    private final CopyText tokens = new CopyText("person_name_token (municipality_id, token, person_id)");

    private final CopyText members = new CopyText(
            "household_member (municipality_id, household_id, person_id, role, since)");

    /** Row counts of everything sent so far, per table. */
    record Totals(long persons, long tokens, long households, long members) {

        long rows() {
            return persons + tokens + households + members;
        }

        Totals plus(Totals other) {
            return new Totals(persons + other.persons, tokens + other.tokens, households + other.households,
                    members + other.members);
        }
    }

    int persons() {
        return persons.rows();
    }

    void add(UUID municipalityId, Unit unit) {
        if (unit.householdId() != null) {
            households.value(unit.householdId()).value(municipalityId).value(0).endRow();
        }
        for (SyntheticPerson person : unit.persons()) {
            persons.value(person.id())
                .value(municipalityId)
                .value(person.teamId())
                .value(person.givenNames())
                .value(person.familyName())
                .value(NameTokens.sortName(person.familyName(), person.givenNames()))
                .value(person.dateOfBirth())
                .value(person.gender() == null ? null : person.gender().name())
                .value(person.category().name())
                .value(person.bsn())
                .value(person.vNumber())
                .value(person.countryOfBirth())
                .value(person.nationality())
                .array(person.languages())
                .value(person.phone())
                .value(person.email())
                .value(person.street())
                .value(person.houseNumber())
                .value(person.postcode())
                .value(person.city())
                .value(person.arrivalDate())
                .value(person.registrationDate())
                .value(person.endedOn())
                .value(person.endReason() == null ? null : person.endReason().name())
                .value(0)
                .endRow();
            for (String token : NameTokens.of(person.givenNames(), person.familyName())) {
                tokens.value(municipalityId).value(token).value(person.id()).endRow();
            }
            if (unit.householdId() != null && person.role() != null) {
                members.value(municipalityId)
                    .value(unit.householdId())
                    .value(person.id())
                    .value(person.role().name())
                    .value(unit.since())
                    .endRow();
            }
        }
    }

    /** Sends all rows (the caller commits) and returns how many went into each table. */
    Totals send(CopyManager copy) throws SQLException, IOException {
        long p = persons.send(copy);
        long h = households.send(copy);
        long t = tokens.send(copy);
        long m = members.send(copy);
        return new Totals(p, t, h, m);
    }

}
