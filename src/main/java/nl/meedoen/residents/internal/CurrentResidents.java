package nl.meedoen.residents.internal;

import nl.meedoen.residents.ResidentSets;

import org.springframework.stereotype.Component;

/** The open files of the current municipality as a set, for set-based work elsewhere. */
@Component
class CurrentResidents implements ResidentSets {

    @Override
    public String current() {
        return """
                select p.id as person_id, p.team_id, p.category, p.date_of_birth,
                    coalesce(p.registration_date, p.arrival_date, p.created_at::date) as registered_on,
                    hm.household_id, hm.role as household_role
                from person p left join household_member hm on hm.person_id = p.id
                where p.municipality_id = :municipality and p.ended_on is null
                    and (cast(:person as uuid) is null or p.id = :person)""";
    }

    @Override
    public String identified() {
        return """
                select p.id as person_id, p.bsn, p.v_number, p.given_names, p.family_name, p.date_of_birth,
                    p.ended_on
                from person p
                where p.municipality_id = :municipality and p.anonymised_on is null""";
    }

}
