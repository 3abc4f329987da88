package nl.meedoen.audit.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import nl.meedoen.audit.RetainedData;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.VersionRequiredException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipality's own retention periods: per record type the default a module names
 * with its source, the municipality's choice in months (if it made one) and its version.
 * A change names the version it was made on: none stored is version 0, a stored choice
 * starts at 1, so a first choice made at the same moment as another is refused instead of
 * overwriting it. The processing log and the event publications have periods of the
 * installation (shown, not changed here).
 */
@Service
public class RetentionSettings {

    /** The shortest and longest period a municipality may choose, in months. */
    public static final int MIN_MONTHS = 1;

    public static final int MAX_MONTHS = 1200;

    /**
     * One record type's period: the default and its source, the municipality's own months
     * (null: the default applies), the version to change it with, and whether the
     * municipality may change it.
     */
    public record Setting(String recordType, Period defaultPeriod, String source, @Nullable Integer months, int version,
            boolean changeable) {

        /** The period in force: the municipality's months, else the default. */
        public Period inForce() {
            return months == null ? defaultPeriod : Period.ofMonths(months);
        }
    }

    /** A past run: when, by whom, and what went per record type. */
    public record Run(OffsetDateTime at, String actor, List<Retention.Item> items) {

        public long total() {
            return items.stream().mapToLong(Retention.Item::count).sum();
        }
    }

    private final List<RetainedData> parts;

    private final JdbcClient jdbc;

    private final ObjectMapper json;

    private final Period logRetention;

    private final Duration eventRetention;

    RetentionSettings(List<RetainedData> parts, JdbcClient jdbc, ObjectMapper json,
            @Value("${meedoen.retention.log:P7Y}") Period logRetention,
            @Value("${meedoen.retention.event-publications:P7D}") Duration eventRetention) {
        this.parts = parts;
        this.jdbc = jdbc;
        this.json = json;
        this.logRetention = logRetention;
        this.eventRetention = eventRetention;
    }

    /** Every record type with its period, the modules' first, then the log and events. */
    @Transactional(readOnly = true)
    public List<Setting> all() {
        List<Setting> all = new ArrayList<>();
        for (RetainedData part : parts) {
            for (RetainedData.RecordType type : part.recordTypes()) {
                all.add(setting(type, stored(type.key(), false)));
            }
        }
        all.add(new Setting(Retention.LOG, logRetention, "meedoen.retention.log", null, 0, false));
        all.add(new Setting(Retention.EVENTS, Period.ofDays((int) eventRetention.toDays()),
                "meedoen.retention.event-publications", null, 0, false));
        return all;
    }

    /** One record type's period; an unknown type is not found. */
    @Transactional(readOnly = true)
    public Setting of(String recordType) {
        return all().stream()
            .filter(s -> s.recordType().equals(recordType))
            .findFirst()
            .orElseThrow(NotFoundException::new);
    }

    /**
     * Sets the municipality's own period of a record type in months, or goes back to the
     * default ({@code months} null), when {@code version} is the one shown (428 without,
     * 412 for another). The months lie between {@link #MIN_MONTHS} and
     * {@link #MAX_MONTHS}; the log's and the events' periods are the installation's
     * (409).
     */
    @Transactional
    public Setting change(String recordType, @Nullable Integer months, @Nullable Integer version) {
        RetainedData.RecordType type = type(recordType);
        if (months != null && (months < MIN_MONTHS || months > MAX_MONTHS)) {
            throw new InvalidInputException("months", "retention.months.range");
        }
        if (version == null) {
            throw new VersionRequiredException();
        }
        Optional<Stored> current = stored(recordType, true);
        if (current.map(Stored::version).orElse(0) != version) {
            throw new StaleVersionException();
        }
        if (months == null) {
            jdbc.sql("delete from retention_setting where municipality_id = :m and record_type = :t")
                .param("m", Tenancy.require())
                .param("t", recordType)
                .update();
        }
        else {
            int changed = jdbc.sql("""
                    insert into retention_setting (municipality_id, record_type, months, version)
                    values (:m, :t, :months, 1)
                    on conflict (municipality_id, record_type) do update set months = excluded.months,
                        version = retention_setting.version + 1
                    where retention_setting.version = :version""")
                .param("m", Tenancy.require())
                .param("t", recordType)
                .param("months", months)
                .param("version", version)
                .update();
            if (changed == 0) {
                throw new StaleVersionException();
            }
        }
        return setting(type, stored(recordType, false));
    }

    /** The latest runs of the municipality, newest first. */
    @Transactional(readOnly = true)
    public List<Run> recentRuns(int limit) {
        return jdbc.sql("""
                select at, actor, items from retention_run where municipality_id = :m order by at desc limit :limit""")
            .param("m", Tenancy.require())
            .param("limit", limit)
            .query((rs, i) -> new Run(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
                    json.readValue(rs.getString(3), new TypeReference<List<Retention.Item>>() {
                    })))
            .list();
    }

    private RetainedData.RecordType type(String recordType) {
        for (RetainedData part : parts) {
            for (RetainedData.RecordType type : part.recordTypes()) {
                if (type.key().equals(recordType)) {
                    return type;
                }
            }
        }
        if (Retention.LOG.equals(recordType) || Retention.EVENTS.equals(recordType)) {
            throw new ConflictException("retention.installationPeriod");
        }
        throw new NotFoundException();
    }

    private static Setting setting(RetainedData.RecordType type, Optional<Stored> stored) {
        return new Setting(type.key(), type.retention(), type.source(), stored.map(Stored::months).orElse(null),
                stored.map(Stored::version).orElse(0), true);
    }

    private record Stored(int months, int version) {
    }

    private Optional<Stored> stored(String recordType, boolean forUpdate) {
        return jdbc
            .sql("select months, version from retention_setting where municipality_id = :m and record_type = :t"
                    + (forUpdate ? " for update" : ""))
            .param("m", Tenancy.require())
            .param("t", recordType)
            .query(Stored.class)
            .optional();
    }

}
