package nl.meedoen.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ClosedFiles;
import nl.meedoen.audit.RetainedData;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.Time;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention of the current municipality: per record type the period after the file was
 * closed (the municipality's setting, else the module's default), what is past it (the
 * dry run), and the run that anonymises or removes it — each module its own tables
 * ({@link RetainedData}). The processing log has its own period (its oldest entries go as
 * a whole prefix of the chain), and completed event publications are purged after a few
 * days.
 */
@Service
public class Retention {

    static final String LOG = "audit.log";

    static final String EVENTS = "platform.event_publication";

    /** What is or was due for one record type. */
    public record Item(String recordType, long count, @Nullable LocalDate oldest) {
    }

    private final List<RetainedData> parts;

    private final ClosedFiles closedFiles;

    private final JdbcClient jdbc;

    private final AuditLog audit;

    private final Clock clock;

    private final ObjectMapper json;

    private final Period logRetention;

    private final Duration eventRetention;

    Retention(List<RetainedData> parts, ClosedFiles closedFiles, JdbcClient jdbc, AuditLog audit, Clock clock,
            ObjectMapper json, @Value("${meedoen.retention.log:P7Y}") Period logRetention,
            @Value("${meedoen.retention.event-publications:P7D}") Duration eventRetention) {
        this.parts = parts;
        this.closedFiles = closedFiles;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.logRetention = logRetention;
        this.eventRetention = eventRetention;
    }

    /** What a run would anonymise or remove now. */
    @Transactional(readOnly = true)
    public List<Item> dryRun() {
        List<Item> items = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        Map<String, Integer> settings = settings();
        for (RetainedData part : parts) {
            for (RetainedData.RecordType type : part.recordTypes()) {
                Map<UUID, LocalDate> closed = closedFiles.closedOnOrBefore(today.minus(period(type, settings)));
                RetainedData.Due due = part.due(type.key(), closed);
                items.add(new Item(type.key(), due.count(), due.oldest()));
            }
        }
        items.add(logDue());
        items.add(eventsDue());
        return items;
    }

    /**
     * Anonymises or removes what is past retention, logs each person touched
     * ({@code RETENTION}) and records the run; answers what went, as the dry run listed
     * it.
     */
    @Transactional
    public List<Item> run() {
        List<Item> items = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        Map<String, Integer> settings = settings();
        Set<UUID> touched = new LinkedHashSet<>();
        for (RetainedData part : parts) {
            for (RetainedData.RecordType type : part.recordTypes()) {
                Map<UUID, LocalDate> closed = closedFiles.closedOnOrBefore(today.minus(period(type, settings)));
                RetainedData.Due due = part.due(type.key(), closed);
                items.add(new Item(type.key(), due.count(), due.oldest()));
                if (due.count() > 0) {
                    touched.addAll(part.apply(type.key(), closed.keySet()));
                }
            }
        }
        Item log = logDue();
        items.add(log);
        if (log.count() > 0) {
            jdbc.sql("select audit_prune(:m, :cutoff)")
                .param("m", Tenancy.require())
                .param("cutoff", logCutoff())
                .query(Long.class)
                .single();
        }
        Item events = eventsDue();
        items.add(events);
        jdbc.sql("delete from event_publication where completion_date is not null and completion_date < :cutoff")
            .param("cutoff", eventCutoff())
            .update();
        touched.forEach(person -> audit.record(AuditAction.RETENTION, person));
        jdbc.sql("insert into retention_run (id, municipality_id, at, actor, items) values (:id, :m, :at, :actor, "
                + "cast(:items as jsonb))")
            .param("id", UUID.randomUUID())
            .param("m", Tenancy.require())
            .param("at", OffsetDateTime.now(clock))
            .param("actor", CurrentUser.current().map(CurrentUser::username).orElse("systeem"))
            .param("items", json.writeValueAsString(items))
            .update();
        return items;
    }

    /** The period of each record type: the municipality's setting, else the default. */
    public Map<String, Period> periods() {
        Map<String, Integer> settings = settings();
        Map<String, Period> periods = new LinkedHashMap<>();
        parts.forEach(part -> part.recordTypes().forEach(type -> periods.put(type.key(), period(type, settings))));
        return periods;
    }

    private Period period(RetainedData.RecordType type, Map<String, Integer> settings) {
        Integer months = settings.get(type.key());
        return months != null ? Period.ofMonths(months) : type.retention();
    }

    private Map<String, Integer> settings() {
        Map<String, Integer> settings = new LinkedHashMap<>();
        jdbc.sql("select record_type, months from retention_setting where municipality_id = :m")
            .param("m", Tenancy.require())
            .query((rs, i) -> settings.put(rs.getString(1), rs.getInt(2)))
            .list();
        return settings;
    }

    private OffsetDateTime logCutoff() {
        return LocalDate.now(clock).minus(logRetention).atStartOfDay(Time.ZONE).toOffsetDateTime();
    }

    private OffsetDateTime eventCutoff() {
        return OffsetDateTime.now(clock).minus(eventRetention);
    }

    /**
     * The log's entries that a prune would remove: the linked prefix older than its
     * period.
     */
    private Item logDue() {
        record Due(long count, @Nullable OffsetDateTime oldest) {
        }
        Due due = jdbc.sql("""
                select count(*) as count, min(e.at) as oldest
                from audit_link l join audit_entry e on e.municipality_id = l.municipality_id and e.seq = l.entry_seq
                where l.municipality_id = :m
                  and l.link_seq < coalesce((select min(l2.link_seq) from audit_link l2
                                             join audit_entry e2 on e2.municipality_id = l2.municipality_id
                                                                and e2.seq = l2.entry_seq
                                             where l2.municipality_id = :m and e2.at >= :cutoff),
                                            (select h.link_seq + 1 from audit_head h where h.municipality_id = :m))""")
            .param("m", Tenancy.require())
            .param("cutoff", logCutoff())
            .query(Due.class)
            .single();
        return new Item(LOG, due.count(),
                due.oldest() == null ? null : due.oldest().atZoneSameInstant(Time.ZONE).toLocalDate());
    }

    private Item eventsDue() {
        record Due(long count, @Nullable OffsetDateTime oldest) {
        }
        Due due = jdbc.sql("""
                select count(*) as count, min(completion_date) as oldest from event_publication
                where completion_date is not null and completion_date < :cutoff""")
            .param("cutoff", eventCutoff())
            .query(Due.class)
            .single();
        return new Item(EVENTS, due.count(),
                due.oldest() == null ? null : due.oldest().atZoneSameInstant(Time.ZONE).toLocalDate());
    }

}
