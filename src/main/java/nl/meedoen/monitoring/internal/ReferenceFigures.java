package nl.meedoen.monitoring.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.StaleVersionException;
import nl.meedoen.platform.Tenancy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national reference figures the administrator keeps, each with its source: for an
 * indicator by its code, for a cohort measure as {@code COHORT_<measure>_<months>}.
 */
@Service
public class ReferenceFigures {

    public record Reference(String code, BigDecimal value, String source, int version) {
    }

    private final JdbcClient jdbc;

    ReferenceFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Map<String, Reference> all() {
        Map<String, Reference> figures = new LinkedHashMap<>();
        jdbc.sql("select code, value, source, version from reference_figure where municipality_id = :municipality "
                + "order by code")
            .param("municipality", Tenancy.require())
            .query((rs, n) -> new Reference(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getInt(4)))
            .list()
            .forEach(reference -> figures.put(reference.code(), reference));
        return figures;
    }

    /**
     * Replaces the whole table with the figures given, when the version read is still the
     * current one (the version of the monitor's settings row, 0 before the first change).
     * A code, value or source out of bounds is invalid input, nothing is written; a stale
     * version raises {@link StaleVersionException}.
     */
    @Transactional
    public int replace(List<Reference> figures, int expected) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < figures.size(); i++) {
            Reference figure = figures.get(i);
            if (!figure.code().matches("[A-Z0-9_]{2,60}") || !codes.add(figure.code())) {
                throw new InvalidInputException("items[" + i + "].code", "monitoring.reference.code.invalid");
            }
            if (figure.value().signum() < 0 || figure.value().compareTo(BigDecimal.valueOf(100000)) > 0
                    || figure.value().scale() > 1) {
                throw new InvalidInputException("items[" + i + "].value", "monitoring.reference.value.invalid");
            }
            if (figure.source().isBlank() || figure.source().length() > 500) {
                throw new InvalidInputException("items[" + i + "].source", "monitoring.reference.source.invalid");
            }
        }
        UUID municipality = Tenancy.require();
        int changed = jdbc.sql("""
                insert into monitoring_setting (municipality_id, version) values (:m, 1)
                on conflict (municipality_id) do update set version = monitoring_setting.version + 1
                    where monitoring_setting.version = :expected""")
            .param("m", municipality)
            .param("expected", expected)
            .update();
        if (changed == 0 || (expected != 0 && version() != expected + 1)) {
            throw new StaleVersionException();
        }
        jdbc.sql("delete from reference_figure where municipality_id = :m").param("m", municipality).update();
        put(figures.stream().map(f -> new Reference(f.code(), f.value(), f.source().strip(), 0)).toList());
        return expected + 1;
    }

    /** The version of the table as a whole, to send back when changing it. */
    @Transactional(readOnly = true)
    public int version() {
        return jdbc.sql("select version from monitoring_setting where municipality_id = :m")
            .param("m", Tenancy.require())
            .query(Integer.class)
            .optional()
            .orElse(0);
    }

    /** Adds or replaces figures (demo data, and {@link #replace}). */
    @Transactional
    public void put(List<Reference> references) {
        for (Reference reference : references) {
            jdbc.sql(
                    """
                            insert into reference_figure (municipality_id, code, value, source) values (:m, :code, :value, :source)
                            on conflict (municipality_id, code) do update set value = excluded.value, source = excluded.source,
                                version = reference_figure.version + 1""")
                .param("m", Tenancy.require())
                .param("code", reference.code())
                .param("value", reference.value())
                .param("source", reference.source())
                .update();
        }
    }

}
