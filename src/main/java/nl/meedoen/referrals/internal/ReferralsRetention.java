package nl.meedoen.referrals.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.audit.RetainedData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Retention of referrals: the free text written about the person (status reasons, the
 * consent-override reason, the reasons of each step) goes; provision, partner, status,
 * dates and the legal basis stay for monitoring.
 */
@Component
class ReferralsRetention implements RetainedData {

    static final String REASONS = "referrals.reason";

    private final JdbcClient jdbc;

    ReferralsRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(new RecordType(REASONS, Period.ofYears(2), "gemeentelijke keuze"));
    }

    @Override
    public Due due(String recordType, Map<UUID, LocalDate> closedFiles) {
        Map<UUID, Long> records = new LinkedHashMap<>();
        jdbc.sql(
                """
                        select r.person_id, count(*) from referral r
                        where r.person_id = any(cast(:ids as uuid[]))
                          and (r.status_reason is not null or r.override_reason is not null
                               or exists (select 1 from referral_transition t where t.referral_id = r.id and t.reason is not null))
                        group by r.person_id""")
            .param("ids", ids(closedFiles.keySet()))
            .query((rs, i) -> records.put(rs.getObject(1, UUID.class), rs.getLong(2)))
            .list();
        return RetainedData.due(closedFiles, records);
    }

    @Override
    public Set<UUID> apply(String recordType, Set<UUID> personIds) {
        String[] ids = ids(personIds);
        Set<UUID> changed = new HashSet<>(jdbc.sql("""
                update referral_transition t set reason = null from referral r
                where r.id = t.referral_id and r.person_id = any(cast(:ids as uuid[])) and t.reason is not null
                returning r.person_id""").param("ids", ids).query(UUID.class).list());
        changed.addAll(jdbc
            .sql("""
                    update referral set status_reason = null, override_reason = null, version = version + 1
                    where person_id = any(cast(:ids as uuid[])) and (status_reason is not null or override_reason is not null)
                    returning person_id""")
            .param("ids", ids)
            .query(UUID.class)
            .list());
        return changed;
    }

    static String[] ids(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

}
