package nl.meedoen.network.internal;

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
 * Retention of the person's own network: the contacts (names of family and friends) are
 * removed, the match requests lose their notes and preferences; matches, dates and roles
 * stay for monitoring.
 */
@Component
class NetworkRetention implements RetainedData {

    static final String CONTACTS = "network.contact";

    static final String REQUESTS = "network.request";

    private final JdbcClient jdbc;

    NetworkRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(new RecordType(CONTACTS, Period.ofYears(1), "gemeentelijke keuze"),
                new RecordType(REQUESTS, Period.ofYears(1), "gemeentelijke keuze"));
    }

    @Override
    public Due due(String recordType, Map<UUID, LocalDate> closedFiles) {
        String sql = CONTACTS.equals(recordType)
                ? "select person_id, count(*) from person_contact where person_id = any(cast(:ids as uuid[])) group by person_id"
                : """
                        select person_id, count(*) from match_request
                        where person_id = any(cast(:ids as uuid[])) and (notes is not null or preferred_gender is not null)
                        group by person_id""";
        Map<UUID, Long> records = new LinkedHashMap<>();
        jdbc.sql(sql)
            .param("ids", ids(closedFiles.keySet()))
            .query((rs, i) -> records.put(rs.getObject(1, UUID.class), rs.getLong(2)))
            .list();
        return RetainedData.due(closedFiles, records);
    }

    @Override
    public Set<UUID> apply(String recordType, Set<UUID> personIds) {
        String sql = CONTACTS.equals(recordType)
                ? "delete from person_contact where person_id = any(cast(:ids as uuid[])) returning person_id"
                : """
                        update match_request set notes = null, preferred_gender = null, version = version + 1
                        where person_id = any(cast(:ids as uuid[])) and (notes is not null or preferred_gender is not null)
                        returning person_id""";
        return new HashSet<>(jdbc.sql(sql).param("ids", ids(personIds)).query(UUID.class).list());
    }

    static String[] ids(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

}
