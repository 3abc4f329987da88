package nl.meedoen.audit;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a person's rows for {@link PersonalData} with one query per section: every column
 * except the technical ones (municipality, lock version, search tokens), values as text,
 * numbers, lists or ISO dates.
 */
public final class PersonalDataRows {

    private static final Set<String> TECHNICAL = Set.of("municipality_id", "version", "lock_version", "sort_name",
            "password_hash", "xid");

    private PersonalDataRows() {
    }

    /**
     * The section of the rows that {@code sql} (with parameter {@code :person}) answers.
     */
    public static PersonalData.Section section(JdbcClient jdbc, String key, String title, String sql, UUID personId) {
        List<Map<String, @Nullable Object>> records = jdbc.sql(sql)
            .param("person", personId)
            .query(PersonalDataRows::row)
            .list();
        return new PersonalData.Section(key, title, records);
    }

    private static Map<String, @Nullable Object> row(ResultSet rs, int rowNumber) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnLabel(i);
            if (!TECHNICAL.contains(column)) {
                row.put(column, value(rs.getObject(i)));
            }
        }
        return row;
    }

    private static @Nullable Object value(@Nullable Object value) throws SQLException {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Array array) {
            return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
        }
        if (value instanceof Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof OffsetDateTime at) {
            return at.toInstant().toString();
        }
        if (value instanceof UUID id) {
            return id.toString();
        }
        return value.toString();
    }

}
