package nl.meedoen.exchange.internal;

import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.PersonalData;
import nl.meedoen.audit.PersonalDataRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the exchange module holds on a person for the right of access: the attendance
 * partners reported per session (with the partner's name) and the remarks of the COA
 * profile. Lesson hours, levels and exam results partners reported are in the plan's and
 * the trajectory's parts.
 */
@Component
class ExchangePersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ExchangePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 55;
    }

    @Override
    public List<Section> of(UUID personId) {
        return List.of(PersonalDataRows.section(jdbc, "exchange.attendance", "Aanwezigheid gemeld door partners", """
                select a.referral_id, o.name as partner, a.session_on, a.present, a.notified, a.reported_at
                from partner_attendance a left join partner_organisation o on o.id = a.partner_id
                where a.person_id = :person order by a.session_on, a.reported_at""", personId),
                PersonalDataRows.section(jdbc, "exchange.coa_remark", "Opmerkingen uit het COA-profiel", """
                        select remark, recorded_on from coa_remark where person_id = :person""", personId));
    }

}
