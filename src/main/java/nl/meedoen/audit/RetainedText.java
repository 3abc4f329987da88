package nl.meedoen.audit;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Free text of one module that retention takes away while the row stays (its status and
 * dates still count): per table the columns that go, and who the row is about. A module
 * extends it with its one record type and its tables; {@link #due} counts exactly the
 * rows {@link #apply} changes (those still holding any of the text), so the dry run
 * promises the run. A column that may not be empty (or must hold text in some status)
 * keeps a {@link #REMOVED} mark instead.
 */
public abstract class RetainedText implements RetainedData {

    /** What a required text column holds once its text is gone. */
    public static final String REMOVED = "—";

    /**
     * A table: {@code table} with its alias, always {@code t} ({@code "route_change t"}),
     * optionally the table that names the person ({@code "guidance g"}, joined on
     * {@code joinOn}), {@code person} (the column with the person's id), the columns that
     * become empty and the ones that keep a {@link #REMOVED} mark where they held text.
     */
    public record Table(String table, @Nullable String joined, @Nullable String joinOn, String person,
            List<String> emptied, List<String> required) {

        /** A table that holds the person's id itself. */
        public static Table of(String table, String person, List<String> emptied, List<String> required) {
            return new Table(table, null, null, person, emptied, required);
        }

        String stillHoldsText() {
            StringBuilder holds = new StringBuilder("(false");
            emptied.forEach(c -> holds.append(" or ").append(c).append(" is not null"));
            required.forEach(c -> holds.append(" or ").append(c).append(" <> '").append(REMOVED).append("'"));
            return holds.append(")").toString();
        }

        String set() {
            StringBuilder set = new StringBuilder();
            for (String column : emptied) {
                set.append(set.isEmpty() ? "" : ", ").append(bare(column)).append(" = null");
            }
            for (String column : required) {
                set.append(set.isEmpty() ? "" : ", ")
                    .append(bare(column))
                    .append(" = case when ")
                    .append(column)
                    .append(" is null then null else '")
                    .append(REMOVED)
                    .append("' end");
            }
            return set.toString();
        }

        private static String bare(String column) {
            return column.substring(column.indexOf('.') + 1);
        }
    }

    private final JdbcClient jdbc;

    private final RecordType recordType;

    private final List<Table> tables;

    protected RetainedText(JdbcClient jdbc, RecordType recordType, List<Table> tables) {
        this.jdbc = jdbc;
        this.recordType = recordType;
        this.tables = List.copyOf(tables);
    }

    @Override
    public final List<RecordType> recordTypes() {
        return List.of(recordType);
    }

    @Override
    public final Due due(String recordType, Map<UUID, LocalDate> closedFiles) {
        return due(jdbc, tables, closedFiles);
    }

    @Override
    public final Set<UUID> apply(String recordType, Set<UUID> personIds) {
        return apply(jdbc, tables, personIds);
    }

    /** The rows of these tables about the closed files that still hold text. */
    private static Due due(JdbcClient jdbc, List<Table> tables, Map<UUID, LocalDate> closedFiles) {
        Map<UUID, Long> rows = new LinkedHashMap<>();
        for (Table t : tables) {
            String from = t.table() + (t.joined() == null ? "" : " join " + t.joined() + " on " + t.joinOn());
            // Each row once, with one of its persons: a row about several (a household's
            // match) changes once, as the run changes it.
            jdbc.sql("select x.p, count(*) from (select distinct on (t.ctid) " + t.person() + " as p from " + from
                    + " where " + t.person() + " = any(cast(:ids as uuid[])) and " + t.stillHoldsText()
                    + " order by t.ctid, " + t.person() + ") x group by x.p")
                .param("ids", ids(closedFiles.keySet()))
                .query((rs, i) -> rows.merge(rs.getObject(1, UUID.class), rs.getLong(2), Long::sum))
                .list();
        }
        return RetainedData.due(closedFiles, rows);
    }

    /** Takes the text away from those rows; answers the persons whose rows changed. */
    private static Set<UUID> apply(JdbcClient jdbc, List<Table> tables, Set<UUID> personIds) {
        Set<UUID> touched = new HashSet<>();
        for (Table t : tables) {
            String where = t.person() + " = any(cast(:ids as uuid[])) and " + t.stillHoldsText();
            String sql = t.joined() == null
                    ? "update " + t.table() + " set " + t.set() + " where " + where + " returning " + t.person()
                    : "update " + t.table() + " set " + t.set() + " from " + t.joined() + " where " + t.joinOn()
                            + " and " + where + " returning " + t.person();
            touched.addAll(jdbc.sql(sql).param("ids", ids(personIds)).query(UUID.class).list());
        }
        return touched;
    }

    private static String[] ids(Set<UUID> ids) {
        return ids.stream().map(UUID::toString).toArray(String[]::new);
    }

}
