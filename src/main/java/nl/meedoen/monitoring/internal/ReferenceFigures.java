package nl.meedoen.monitoring.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Adds or replaces figures (demo data; the API's change is its own method). */
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
