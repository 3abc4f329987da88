package nl.meedoen.housing.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.housing.QuotaPeriod;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.Tenancy;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forecasts of a period's quota: a national total shared among municipalities in
 * proportion to population by the {@link LargestRemainder} rule. Population figures are
 * kept per municipality using Meedoen (entered or uploaded as CSV
 * {@code code;name;population}); a forecast is stored apart from the official figure and
 * never replaces it.
 */
@Service
public class Forecasts {

    static final int MAX_MUNICIPALITIES = 500;

    static final int MAX_NATIONAL_TOTAL = 1_000_000;

    public record Population(String code, @Nullable String name, long population) {
    }

    public record Share(String code, @Nullable String name, long population, int share) {
    }

    public record Forecast(UUID id, QuotaPeriod period, int nationalTotal, String method, List<Share> shares) {

        public Map<String, Integer> allocations() {
            Map<String, Integer> allocations = new LinkedHashMap<>();
            shares.forEach(share -> allocations.put(share.code(), share.share()));
            return allocations;
        }
    }

    private final JdbcClient jdbc;

    Forecasts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Computes and stores a forecast from the populations given. */
    @Transactional
    public Forecast forecast(QuotaPeriod period, int nationalTotal, List<Population> populations) {
        if (nationalTotal < 0 || nationalTotal > MAX_NATIONAL_TOTAL) {
            throw new InvalidInputException("nationalTotal", "housing.number.wholeNonNegative");
        }
        check(populations);
        Map<String, Long> byCode = new LinkedHashMap<>();
        populations.forEach(p -> byCode.put(p.code(), p.population()));
        Map<String, Integer> allocations = LargestRemainder.allocate(nationalTotal, byCode);
        List<Share> shares = new ArrayList<>();
        for (Map.Entry<String, Integer> allocation : allocations.entrySet()) {
            Population population = populations.stream()
                .filter(p -> p.code().equals(allocation.getKey()))
                .findFirst()
                .orElseThrow();
            shares
                .add(new Share(allocation.getKey(), population.name(), population.population(), allocation.getValue()));
        }
        Forecast forecast = new Forecast(UUID.randomUUID(), period, nationalTotal, LargestRemainder.METHOD,
                List.copyOf(shares));
        UUID municipality = Tenancy.require();
        jdbc.sql("""
                insert into housing_forecast (id, municipality_id, period, national_total, method)
                values (:id, :m, :period, :total, :method)""")
            .param("id", forecast.id())
            .param("m", municipality)
            .param("period", period.toString())
            .param("total", nationalTotal)
            .param("method", forecast.method())
            .update();
        for (Share share : shares) {
            jdbc.sql("""
                    insert into housing_forecast_share (municipality_id, forecast_id, code, population, share)
                    values (:m, :f, :code, :population, :share)""")
                .param("m", municipality)
                .param("f", forecast.id())
                .param("code", share.code())
                .param("population", share.population())
                .param("share", share.share())
                .update();
        }
        return forecast;
    }

    /** The most recent forecast computed for the current municipality. */
    @Transactional(readOnly = true)
    public Optional<Forecast> latest() {
        UUID municipality = Tenancy.require();
        record Head(UUID id, String period, int nationalTotal, String method) {
        }
        return jdbc.sql("""
                select id, period, national_total, method from housing_forecast where municipality_id = :m
                order by created_at desc, id limit 1""")
            .param("m", municipality)
            .query(Head.class)
            .optional()
            .map(head -> new Forecast(head.id(), QuotaPeriod.parse(head.period()), head.nationalTotal(), head.method(),
                    jdbc.sql("""
                            select s.code, p.name, s.population, s.share from housing_forecast_share s
                            left join housing_population p on p.municipality_id = s.municipality_id and p.code = s.code
                            where s.municipality_id = :m and s.forecast_id = :f order by s.code""")
                        .param("m", municipality)
                        .param("f", head.id())
                        .query(Share.class)
                        .list()));
    }

    /** The population figures on record, by code. */
    @Transactional(readOnly = true)
    public List<Population> populations() {
        return jdbc
            .sql("select code, name, population from housing_population where municipality_id = :m order by code")
            .param("m", Tenancy.require())
            .query(Population.class)
            .list();
    }

    /** Replaces the population figures on record. */
    @Transactional
    public void replacePopulations(List<Population> populations) {
        check(populations);
        UUID municipality = Tenancy.require();
        jdbc.sql("delete from housing_population where municipality_id = :m").param("m", municipality).update();
        for (Population population : populations) {
            jdbc.sql("""
                    insert into housing_population (municipality_id, code, name, population)
                    values (:m, :code, :name, :population)""")
                .param("m", municipality)
                .param("code", population.code())
                .param("name", population.name())
                .param("population", population.population())
                .update();
        }
    }

    /**
     * Reads {@code code;name;population} lines (a header line is allowed). Any line that
     * is not a four-digit CBS code, a name and a whole number of inhabitants makes the
     * whole file invalid.
     */
    public static List<Population> readCsv(Reader csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(';').setIgnoreEmptyLines(true).setTrim(true).get();
        List<Population> populations = new ArrayList<>();
        try {
            for (CSVRecord record : format.parse(csv)) {
                if (record.size() != 3) {
                    throw new InvalidInputException("file", "housing.population.csv.invalid");
                }
                String code = record.get(0).replace("GM", "");
                String number = record.get(2).replace(".", "").replace(" ", "");
                if (record.getRecordNumber() == 1 && !code.matches("\\d{4}") && !number.matches("\\d+")) {
                    continue;
                }
                if (!code.matches("\\d{4}") || !number.matches("\\d{1,9}")) {
                    throw new InvalidInputException("file", "housing.population.csv.invalid");
                }
                populations
                    .add(new Population(code, record.get(1).isEmpty() ? null : record.get(1), Long.parseLong(number)));
            }
        }
        catch (IOException | IllegalStateException | UncheckedIOException ex) {
            throw new InvalidInputException("file", "housing.population.csv.invalid");
        }
        if (populations.isEmpty()) {
            throw new InvalidInputException("file", "housing.population.csv.invalid");
        }
        return populations;
    }

    static void check(List<Population> populations) {
        if (populations.isEmpty()) {
            throw new InvalidInputException("populations", "housing.population.required");
        }
        if (populations.size() > MAX_MUNICIPALITIES) {
            throw new InvalidInputException("populations", "housing.population.tooMany");
        }
        long sum = 0;
        Set<String> codes = new HashSet<>();
        for (Population population : populations) {
            if (population.code() == null || !population.code().matches("\\d{4}") || !codes.add(population.code())) {
                throw new InvalidInputException("populations", "housing.population.code.invalid");
            }
            if (population.population() < 0 || population.population() > 100_000_000) {
                throw new InvalidInputException("populations." + population.code(), "housing.number.wholeNonNegative");
            }
            sum += population.population();
        }
        if (sum == 0) {
            throw new InvalidInputException("populations", "housing.population.required");
        }
    }

}
