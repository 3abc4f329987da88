package nl.meedoen.referrals.internal;

import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.PersonalData;
import nl.meedoen.audit.PersonalDataRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the referrals module holds on a person for the right of access: every referral
 * with its steps.
 */
@Component
class ReferralsPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ReferralsPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<Section> of(UUID personId) {
        return List.of(PersonalDataRows.section(jdbc, "referrals.referral", "Verwijzingen", """
                select r.*, v.name as provision, o.name as partner from referral r
                left join provision v on v.id = r.provision_id
                left join partner_organisation o on o.id = r.partner_id
                where r.person_id = :person order by r.created_at""", personId),
                PersonalDataRows.section(jdbc, "referrals.transition", "Stappen van de verwijzingen", """
                        select t.* from referral_transition t join referral r on r.id = t.referral_id
                        where r.person_id = :person order by t.at""", personId));
    }

}
