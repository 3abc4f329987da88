package nl.meedoen.monitoring.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.MonitoringPeriod;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.ResidentSets;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs every contributed indicator for a municipality (or a team's caseload) and a period
 * in one statement: the indicators' queries side by side with {@code union all}, over the
 * persons of {@code population}.
 */
@Service
public class IndicatorEngine {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,59}");

    private final List<Indicator> indicators;

    private final JdbcClient jdbc;

    private final String statement;

    IndicatorEngine(List<Indicator> contributed, JdbcClient jdbc, ResidentSets residents) {
        Map<String, Indicator> byCode = new HashMap<>();
        for (Indicator indicator : contributed) {
            if (!CODE.matcher(indicator.code()).matches()) {
                throw new IllegalStateException("indicator code " + indicator.code());
            }
            if (byCode.put(indicator.code(), indicator) != null) {
                throw new IllegalStateException("indicator " + indicator.code() + " contributed twice");
            }
        }
        List<Indicator> ordered = new ArrayList<>(contributed);
        ordered.sort(Comparator.comparing(Indicator::area));
        this.indicators = List.copyOf(ordered);
        this.jdbc = jdbc;
        StringBuilder sql = new StringBuilder("with population as materialized (select r.person_id from (")
            .append(residents.current())
            .append(") r where cast(:team as uuid) is null or r.team_id = cast(:team as uuid))\n");
        for (int i = 0; i < indicators.size(); i++) {
            sql.append(i == 0 ? "" : "union all\n")
                .append("select ")
                .append(i)
                .append(" as position, cast(q.amount as numeric) as amount, cast(q.persons as bigint) as persons from (")
                .append(indicators.get(i).query())
                .append(") q\n");
        }
        this.statement = sql.toString();
    }

    /** The contributed indicators in the order they are shown: by area. */
    public List<Indicator> indicators() {
        return indicators;
    }

    /**
     * The figures before suppression for the current municipality, or for the team's
     * caseload when a team is given.
     */
    @Transactional(readOnly = true)
    public List<Suppression.Raw> compute(MonitoringPeriod period, @Nullable UUID team) {
        Suppression.Raw[] raws = new Suppression.Raw[indicators.size()];
        jdbc.sql(statement)
            .param("municipality", Tenancy.require())
            .param("person", null)
            .param("team", team)
            .param("from", period.from())
            .param("until", period.until())
            .param("period", period.toString())
            .query((rs, n) -> {
                int position = rs.getInt("position");
                Indicator indicator = indicators.get(position);
                BigDecimal amount = rs.getBigDecimal("amount");
                raws[position] = new Suppression.Raw(indicator.code(), indicator.measure(), indicator.group(),
                        amount == null ? BigDecimal.ZERO : amount, rs.getLong("persons"));
                return position;
            })
            .list();
        List<Suppression.Raw> result = new ArrayList<>();
        for (int i = 0; i < raws.length; i++) {
            if (raws[i] == null) {
                throw new IllegalStateException("indicator " + indicators.get(i).code() + " yielded no row");
            }
            result.add(raws[i]);
        }
        return result;
    }

}
