package nl.meedoen.housing.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.housing.QuotaPeriod;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.platform.VersionRequiredException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official figures of the current municipality and the quota periods computed from
 * them (see {@link QuotaLedger}).
 */
@Service
public class HousingQuota {

    private final JdbcClient jdbc;

    private final HousingSettings settings;

    HousingQuota(JdbcClient jdbc, HousingSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The ledger of the current municipality as it stands now. */
    @Transactional(readOnly = true)
    public QuotaLedger ledger() {
        UUID municipality = Tenancy.require();
        List<QuotaLedger.Figure> figures = jdbc
            .sql("select period, official, source from housing_quota where municipality_id = :m")
            .param("m", municipality)
            .query((rs, row) -> new QuotaLedger.Figure(QuotaPeriod.parse(rs.getString("period")), rs.getInt("official"),
                    rs.getString("source")))
            .list();
        boolean reunificationCounts = settings.current().familyReunificationCounts();
        // The municipality's figure, the same for every team (need-to-know does not thin
        // it).
        List<LocalDate> housedOn = jdbc.sql("select d from housing_key_handovers(:m, :reunification) as h(d)")
            .param("m", municipality)
            .param("reunification", reunificationCounts)
            .query(LocalDate.class)
            .list();
        return QuotaLedger.of(figures, housedOn);
    }

    /**
     * The period a key handover on {@code day} counts toward: its year if on record as a
     * yearly figure, else its half.
     */
    @Transactional(readOnly = true)
    public QuotaPeriod countsToward(LocalDate day) {
        boolean yearly = jdbc
            .sql("select exists (select 1 from housing_quota where municipality_id = :m and period = :year)")
            .param("m", Tenancy.require())
            .param("year", Integer.toString(day.getYear()))
            .query(Boolean.class)
            .single();
        return yearly ? QuotaPeriod.yearOf(day) : QuotaPeriod.halfYearOf(day);
    }

    /**
     * Records (or corrects) the official figure of a period as published. A year on
     * record as a yearly figure cannot also have half-year figures, and the other way
     * round: a placement would count twice.
     */
    @Transactional
    public QuotaLedger.Line setOfficial(QuotaPeriod period, int official, String source, @Nullable Integer version) {
        UUID municipality = Tenancy.require();
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
            .param("key", "housing_quota:" + municipality + ":" + period)
            .query((rs, i) -> 1)
            .list();
        Optional<Integer> current = version(period);
        if (current.isPresent() && version == null) {
            throw new VersionRequiredException();
        }
        if (version != null && !current.map(version::equals).orElse(version == 0)) {
            throw new StaleVersionException();
        }
        boolean overlaps = jdbc.sql("""
                select exists (select 1 from housing_quota where municipality_id = :m and period <> :period
                    and (period = :year or (:yearly and period like :year || '-H%')))""")
            .param("m", municipality)
            .param("period", period.toString())
            .param("year", Integer.toString(period.year()))
            .param("yearly", period.yearly())
            .query(Boolean.class)
            .single();
        if (overlaps) {
            throw new ConflictException("housing.period.overlaps", period.toString());
        }
        jdbc.sql(
                """
                        insert into housing_quota (municipality_id, period, official, source) values (:m, :period, :official, :source)
                        on conflict (municipality_id, period) do update
                            set official = excluded.official, source = excluded.source, updated_at = now(),
                                version = housing_quota.version + 1
                        """)
            .param("m", municipality)
            .param("period", period.toString())
            .param("official", official)
            .param("source", source)
            .update();
        return ledger().line(period);
    }

    /**
     * The version of the period's official figure, if one is on record: the ETag a
     * correction names.
     */
    @Transactional(readOnly = true)
    public Optional<Integer> version(QuotaPeriod period) {
        return jdbc.sql("select version from housing_quota where municipality_id = :m and period = :period")
            .param("m", Tenancy.require())
            .param("period", period.toString())
            .query(Integer.class)
            .optional();
    }

}
