package nl.meedoen.monitoring.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import nl.meedoen.monitoring.CohortFamily;
import nl.meedoen.monitoring.CohortStart;
import nl.meedoen.monitoring.Indicator.Measure;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.residents.ResidentSets;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cohorts by year of housing: per cohort the persons housed, and per contributed
 * measure (paid work, social assistance, B1) the share of the cohort that met it 6, 12,
 * 18, 24 and 36 months after being housed, beside the national reference
 * {@code COHORT_<measure>_<months>}. A share rests on the persons of the cohort who have
 * reached those months by today; a cell whose months cannot have passed yet for anyone of
 * the cohort (the cohort's first day plus the months is after today) is not given at all.
 * All from one set-based statement, suppressed as the indicators are
 * ({@link Suppression}): the cohorts' sizes form a group that adds up to the total shown,
 * so secondary suppression applies to them.
 */
@Service
public class Cohorts {

    /** The months since housing of each measure, in the order shown. */
    public static final List<Integer> MONTHS = List.of(6, 12, 18, 24, 36);

    /** The group of the cohorts' sizes, which add up to {@link Table#housedTotal()}. */
    static final String HOUSED_GROUP = "COHORT_HOUSED";

    /** The oldest year of housing asked about, and the widest range of years at once. */
    public static final int FIRST_YEAR = 2000;

    public static final int MAX_YEARS = 20;

    private static final Pattern MEASURE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    private static final String BASE = "#";

    private static final String HOUSED = "";

    /** One cell: a measure's share of a cohort after a number of months. */
    public record Cell(int cohort, int months, String measure, Figure figure,
            ReferenceFigures.@Nullable Reference reference) {
    }

    /** The size of one cohort: the persons housed in the year. */
    public record Size(int cohort, Figure figure) {
    }

    public record Table(int from, int to, Monitor.Scope scope, int threshold, List<String> measures, List<Size> sizes,
            Figure housedTotal, List<Cell> cells, Map<String, ReferenceFigures.Reference> references) {

        /**
         * The national reference of a measure after a number of months, if one is held.
         */
        public ReferenceFigures.@Nullable Reference reference(String measure, int months) {
            return references.get("COHORT_" + measure + "_" + months);
        }

        /**
         * The cell of a measure, cohort and months, or null when it cannot be given yet.
         */
        public @Nullable Cell cell(String measure, int cohort, int months) {
            return cells.stream()
                .filter(c -> c.measure().equals(measure) && c.cohort() == cohort && c.months() == months)
                .findFirst()
                .orElse(null);
        }

        public List<Integer> cohorts() {
            return sizes.stream().map(Size::cohort).toList();
        }

    }

    private final List<String> measures;

    private final JdbcClient jdbc;

    private final Clock clock;

    private final MonitoringSettings settings;

    private final ReferenceFigures references;

    private final String statement;

    Cohorts(CohortStart start, List<CohortFamily> families, ResidentSets residents, JdbcClient jdbc, Clock clock,
            MonitoringSettings settings, ReferenceFigures references) {
        List<String> contributed = new ArrayList<>();
        for (CohortFamily family : families) {
            for (String measure : family.measures()) {
                if (!MEASURE.matcher(measure).matches() || contributed.contains(measure)) {
                    throw new IllegalStateException("cohort measure " + measure);
                }
                contributed.add(measure);
            }
        }
        this.measures = List.copyOf(contributed);
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
        this.references = references;
        StringBuilder sql = new StringBuilder("with population as materialized (select r.person_id from (")
            .append(residents.current())
            .append(") r where cast(:team as uuid) is null or r.team_id = cast(:team as uuid)),\n")
            .append("housed as materialized (select * from (select h.person_id, min(h.housed_on) as housed_on from (\n")
            .append(start.query())
            .append("""
                    \n) h join population on population.person_id = h.person_id group by h.person_id) earliest
                        where earliest.housed_on >= :from and earliest.housed_on < :until),
                    points as materialized (select h.person_id, cast(extract(year from h.housed_on) as int) as cohort,
                            m.months, cast(h.housed_on + make_interval(months => m.months) as date) as on_date
                        from housed h cross join unnest(cast(string_to_array(cast(:months as text), ',') as int[]))
                            as m(months)
                        where h.housed_on + make_interval(months => m.months) <= :today)
                    select '' as measure, cast(extract(year from h.housed_on) as int) as cohort, 0 as months,
                        cast(count(*) as numeric) as amount
                    from housed h group by 2
                    union all
                    select '#', pt.cohort, pt.months, count(*) from points pt group by pt.cohort, pt.months
                    """);
        for (CohortFamily family : families) {
            sql.append("union all\nselect cast(q.measure as text), cast(q.cohort as int), cast(q.months as int), ")
                .append("cast(q.amount as numeric) from (\n")
                .append(family.query())
                .append("\n) q\n");
        }
        this.statement = sql.toString();
    }

    /** The contributed measures, in the order shown. */
    public List<String> measures() {
        return measures;
    }

    /**
     * The years of housing asked, strictly: both within {@value #FIRST_YEAR} and this
     * year, the first not after the last, at most {@value #MAX_YEARS} years; without them
     * the last seven years.
     */
    public int[] years(@Nullable String housedFrom, @Nullable String housedTo) {
        int thisYear = LocalDate.now(clock).getYear();
        int to = housedTo == null || housedTo.isEmpty() ? thisYear : year(housedTo, "housedTo", thisYear);
        int from = housedFrom == null || housedFrom.isEmpty() ? Math.max(FIRST_YEAR, to - 6)
                : year(housedFrom, "housedFrom", thisYear);
        if (from > to) {
            throw new InvalidInputException("housedFrom", "monitoring.cohort.years.order");
        }
        if (to - from + 1 > MAX_YEARS) {
            throw new InvalidInputException("housedTo", "monitoring.cohort.years.range");
        }
        return new int[] { from, to };
    }

    private static int year(String text, String field, int thisYear) {
        if (!text.matches("\\d{4}") || Integer.parseInt(text) < FIRST_YEAR || Integer.parseInt(text) > thisYear) {
            throw new InvalidInputException(field, "monitoring.cohort.year.invalid");
        }
        return Integer.parseInt(text);
    }

    /** The raw figures: per cohort its size, per measure, cohort and months the share. */
    record Computed(Map<Integer, Long> sizes, Map<String, Long> bases, Map<String, BigDecimal> amounts) {
    }

    private static String key(String measure, int cohort, int months) {
        return measure + "/" + cohort + "/" + months;
    }

    Computed compute(int from, int to, Monitor.Scope scope, LocalDate today) {
        Map<Integer, Long> sizes = new HashMap<>();
        Map<String, Long> bases = new HashMap<>();
        Map<String, BigDecimal> amounts = new HashMap<>();
        jdbc.sql(statement)
            .param("municipality", Tenancy.require())
            .param("person", null)
            .param("team", scope.team())
            .param("from", LocalDate.of(from, 1, 1))
            .param("until", LocalDate.of(to + 1, 1, 1))
            .param("today", today)
            .param("months", MONTHS.stream().map(String::valueOf).collect(Collectors.joining(",")))
            .query((rs, n) -> {
                String measure = rs.getString(1);
                int cohort = rs.getInt(2);
                int months = rs.getInt(3);
                BigDecimal amount = rs.getBigDecimal(4);
                if (HOUSED.equals(measure)) {
                    sizes.put(cohort, amount.longValue());
                }
                else if (BASE.equals(measure)) {
                    bases.put(key(BASE, cohort, months), amount.longValue());
                }
                else if (!measures.contains(measure) || amounts.put(key(measure, cohort, months), amount) != null) {
                    throw new IllegalStateException("cohort row " + key(measure, cohort, months));
                }
                return measure;
            })
            .list();
        return new Computed(sizes, bases, amounts);
    }

    /**
     * The cohorts of the years asked for the current municipality (suppressed) or a team
     * lead's own team (unsuppressed).
     */
    @Transactional(readOnly = true)
    public Table table(int from, int to, Monitor.Scope scope) {
        int threshold = settings.current().threshold();
        LocalDate today = LocalDate.now(clock);
        Computed computed = compute(from, to, scope, today);
        List<Suppression.Raw> raws = new ArrayList<>();
        long total = 0;
        for (int cohort = from; cohort <= to; cohort++) {
            long size = computed.sizes().getOrDefault(cohort, 0L);
            total += size;
            raws.add(new Suppression.Raw(HOUSED_GROUP + "_" + cohort, Measure.COUNT, HOUSED_GROUP,
                    BigDecimal.valueOf(size), size));
        }
        raws.add(new Suppression.Raw(HOUSED_GROUP, Measure.COUNT, null, BigDecimal.valueOf(total), total));
        List<int[]> given = new ArrayList<>();
        Map<Integer, String> measureOf = new LinkedHashMap<>();
        for (String measure : measures) {
            for (int cohort = from; cohort <= to; cohort++) {
                for (int months : MONTHS) {
                    if (LocalDate.of(cohort, 1, 1).plusMonths(months).isAfter(today)) {
                        continue;
                    }
                    long base = computed.bases().getOrDefault(key(BASE, cohort, months), 0L);
                    raws.add(new Suppression.Raw("COHORT_" + measure + "_" + months, Measure.SHARE, null,
                            computed.amounts().getOrDefault(key(measure, cohort, months), BigDecimal.ZERO), base));
                    measureOf.put(raws.size() - 1, measure);
                    given.add(new int[] { raws.size() - 1, cohort, months });
                }
            }
        }
        List<Figure> figures = scope.suppressed() ? Suppression.apply(raws, threshold) : Suppression.none(raws);
        List<Size> sizes = new ArrayList<>();
        for (int cohort = from; cohort <= to; cohort++) {
            sizes.add(new Size(cohort, figures.get(cohort - from)));
        }
        Map<String, ReferenceFigures.Reference> national = references.all();
        List<Cell> cells = new ArrayList<>();
        for (int[] cell : given) {
            String measure = measureOf.get(cell[0]);
            cells.add(new Cell(cell[1], cell[2], measure, figures.get(cell[0]),
                    national.get("COHORT_" + measure + "_" + cell[2])));
        }
        return new Table(from, to, scope, threshold, measures, sizes, figures.get(to - from + 1), cells, national);
    }

}
