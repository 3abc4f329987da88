package nl.meedoen.exchange.internal;

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
 * Retention of what came in through the chain: the attendance partners reported per
 * session and the remarks of the COA profile are removed once the period after the file
 * closed has passed. The hours, levels and exam results partners reported live on in the
 * plan and the trajectory, with those modules' retention; the imports themselves hold no
 * person data once confirmed.
 */
@Component
class ExchangeRetention implements RetainedData {

    static final String ATTENDANCE = "exchange.attendance";

    static final String COA_REMARK = "exchange.coa_remark";

    private static final Map<String, String> TABLES = Map.of(ATTENDANCE, "partner_attendance", COA_REMARK,
            "coa_remark");

    private final JdbcClient jdbc;

    ExchangeRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(new RecordType(ATTENDANCE, Period.ofYears(2), "gemeentelijke keuze"),
                new RecordType(COA_REMARK, Period.ofYears(2), "gemeentelijke keuze"));
    }

    @Override
    public Due due(String recordType, Map<UUID, LocalDate> closedFiles) {
        Map<UUID, Long> records = new LinkedHashMap<>();
        jdbc.sql("select person_id, count(*) from " + table(recordType)
                + " where person_id = any(cast(:ids as uuid[])) group by person_id")
            .param("ids", ids(closedFiles.keySet()))
            .query((rs, i) -> records.put(rs.getObject(1, UUID.class), rs.getLong(2)))
            .list();
        return RetainedData.due(closedFiles, records);
    }

    @Override
    public Set<UUID> apply(String recordType, Set<UUID> personIds) {
        return new HashSet<>(jdbc
            .sql("delete from " + table(recordType)
                    + " where person_id = any(cast(:ids as uuid[])) returning person_id")
            .param("ids", ids(personIds))
            .query(UUID.class)
            .list());
    }

    private static String table(String recordType) {
        String table = TABLES.get(recordType);
        if (table == null) {
            throw new IllegalArgumentException("Not a record type of exchange: " + recordType);
        }
        return table;
    }

    private static String[] ids(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

}
