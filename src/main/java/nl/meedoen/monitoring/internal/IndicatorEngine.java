package nl.meedoen.monitoring.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.meedoen.monitoring.Indicator;
import nl.meedoen.monitoring.IndicatorFamily;
import nl.meedoen.monitoring.MonitoringPeriod;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.ResidentSets;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs every contributed indicator family for a municipality (or a team's caseload) and
 * any number of periods in one statement: the families' queries side by side with
 * {@code union all}, over the persons of {@code population} and the periods of
 * {@code periods}.
 */
@Service
public class IndicatorEngine {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,59}");

    private final List<Indicator> indicators;

    private final Map<String, Integer> positions = new HashMap<>();

    private final JdbcClient jdbc;

    private final String statement;

    IndicatorEngine(List<IndicatorFamily> families, JdbcClient jdbc, ResidentSets residents) {
        List<Indicator> contributed = new ArrayList<>();
        for (IndicatorFamily family : families) {
            contributed.addAll(family.indicators());
        }
        for (Indicator indicator : contributed) {
            if (!CODE.matcher(indicator.code()).matches()) {
                throw new IllegalStateException("indicator code " + indicator.code());
            }
            if (positions.put(indicator.code(), 0) != null) {
                throw new IllegalStateException("indicator " + indicator.code() + " contributed twice");
            }
        }
        List<Indicator> ordered = new ArrayList<>(contributed);
        ordered.sort(Comparator.comparing(Indicator::area));
        this.indicators = List.copyOf(ordered);
        for (int i = 0; i < indicators.size(); i++) {
            positions.put(indicators.get(i).code(), i);
        }
        this.jdbc = jdbc;
        StringBuilder sql = new StringBuilder("with population as materialized (select r.person_id from (")
            .append(residents.current())
            .append(") r where cast(:team as uuid) is null or r.team_id = cast(:team as uuid)),\n")
            .append("""
                    periods as materialized (select * from unnest(string_to_array(cast(:periods as text), ','),
                        cast(string_to_array(cast(:froms as text), ',') as date[]),
                        cast(string_to_array(cast(:untils as text), ',') as date[])) as p(period, from_date, until_date))
                    """);
        for (int i = 0; i < families.size(); i++) {
            sql.append(i == 0 ? "" : "union all\n")
                .append("select cast(q.code as text) as code, cast(q.period as text) as period, ")
                .append("cast(q.amount as numeric) as amount, cast(q.persons as bigint) as persons from (\n")
                .append(families.get(i).query())
                .append("\n) q\n");
        }
        this.statement = sql.toString();
    }

    /** The contributed indicators in the order they are shown: by area. */
    public List<Indicator> indicators() {
        return indicators;
    }

    /** The figures of one period; see {@link #compute(List, UUID)}. */
    @Transactional(readOnly = true)
    public List<Suppression.Raw> compute(MonitoringPeriod period, @Nullable UUID team) {
        return compute(List.of(period), team).get(0);
    }

    /**
     * The figures before suppression for the current municipality, or for the team's
     * caseload when a team is given: per period (in the order asked) one per indicator
     * (in the order of {@link #indicators()}), all from one statement.
     */
    @Transactional(readOnly = true)
    public List<List<Suppression.Raw>> compute(List<MonitoringPeriod> asked, @Nullable UUID team) {
        List<MonitoringPeriod> periods = asked.stream().distinct().toList();
        List<String> names = periods.stream().map(MonitoringPeriod::toString).toList();
        BigDecimal[][] amounts = new BigDecimal[periods.size()][indicators.size()];
        long[][] persons = new long[periods.size()][indicators.size()];
        jdbc.sql(statement)
            .param("municipality", Tenancy.require())
            .param("person", null)
            .param("team", team)
            .param("periods", String.join(",", names))
            .param("froms", periods.stream().map(p -> p.from().toString()).collect(Collectors.joining(",")))
            .param("untils", periods.stream().map(p -> p.until().toString()).collect(Collectors.joining(",")))
            .query((rs, n) -> {
                String code = rs.getString("code");
                Integer position = positions.get(code);
                int period = names.indexOf(rs.getString("period"));
                if (position == null || period < 0) {
                    throw new IllegalStateException("indicator row " + code + " " + rs.getString("period"));
                }
                if (amounts[period][position] != null) {
                    throw new IllegalStateException("indicator " + code + " yielded two rows for a period");
                }
                BigDecimal amount = rs.getBigDecimal("amount");
                amounts[period][position] = amount == null ? BigDecimal.ZERO : amount;
                persons[period][position] = rs.getLong("persons");
                return position;
            })
            .list();
        List<List<Suppression.Raw>> result = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            List<Suppression.Raw> raws = new ArrayList<>();
            for (int i = 0; i < indicators.size(); i++) {
                Indicator indicator = indicators.get(i);
                raws.add(new Suppression.Raw(indicator.code(), indicator.measure(), indicator.group(),
                        amounts[p][i] == null ? BigDecimal.ZERO : amounts[p][i], persons[p][i]));
            }
            result.add(raws);
        }
        return asked.stream().map(period -> result.get(periods.indexOf(period))).toList();
    }

}
