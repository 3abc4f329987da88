package nl.meedoen.housing.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import nl.meedoen.housing.QuotaPeriod;
import nl.meedoen.housing.internal.Forecasts;
import nl.meedoen.housing.internal.HousingQuota;
import nl.meedoen.housing.internal.LargestRemainder;
import nl.meedoen.housing.internal.Matches;
import nl.meedoen.housing.internal.Placements;
import nl.meedoen.identity.DemoData;
import nl.meedoen.identity.Municipality;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo housing data for Sliedrecht, on an empty quota table only: the yearly quota
 * 2013–2018 from the integration note 2019–2022, half-year figures after that marked as
 * demo figures, and matches and placements of existing demo permit holders (whole
 * households): some housed in recent periods, some still waiting, two of them overdue.
 */
@Component
@ConditionalOnProperty(name = "meedoen.demo", havingValue = "true")
class DemoHousing implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoHousing.class);

    static final String POLICY_NOTE = "Integratienota Sliedrecht 2019–2022 (taakstelling per jaar)";

    static final String DEMO_SOURCE = "Demogegeven (fictief): geen gepubliceerd cijfer";

    /** Sliedrecht's yearly quota as the policy note gives it. */
    static final Map<Integer, Integer> YEARLY = Map.of(2013, 17, 2014, 24, 2015, 43, 2016, 64, 2017, 34, 2018, 35);

    /**
     * Plausible half-year figures from 2019 on (Sliedrecht is about 0.14% of the national
     * population).
     */
    static final int[] HALF_YEARS = { 9, 11, 7, 8, 8, 10, 9, 12, 14, 16, 14, 12, 11, 10, 10, 9, 9, 10 };

    /** Population figures of the Drechtsteden (rounded, demo) for the forecast page. */
    static final List<Forecasts.Population> DRECHTSTEDEN = List.of(
            new Forecasts.Population("0482", "Alblasserdam", 20_500),
            new Forecasts.Population("0505", "Dordrecht", 121_000),
            new Forecasts.Population("0523", "Hardinxveld-Giessendam", 18_600),
            new Forecasts.Population("0531", "Hendrik-Ido-Ambacht", 32_100),
            new Forecasts.Population("0590", "Papendrecht", 32_900),
            new Forecasts.Population("0610", "Sliedrecht", 25_700),
            new Forecasts.Population("0642", "Zwijndrecht", 45_800));

    private final HousingQuota quota;

    private final Matches matches;

    private final Placements placements;

    private final Forecasts forecasts;

    private final Residents residents;

    private final JdbcClient jdbc;

    private final Clock clock;

    DemoHousing(HousingQuota quota, Matches matches, Placements placements, Forecasts forecasts, Residents residents,
            JdbcClient jdbc, Clock clock) {
        this.quota = quota;
        this.matches = matches;
        this.placements = placements;
        this.forecasts = forecasts;
        this.residents = residents;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Phase phase() {
        return Phase.HOUSING;
    }

    @Override
    public boolean presentIn(Municipality municipality) {
        return DemoData.hasRows(jdbc, "housing_quota", municipality);
    }

    @Override
    public void seed(Municipality municipality) {
        LocalDate today = LocalDate.now(clock);
        YEARLY.forEach((year, official) -> quota.setOfficial(new QuotaPeriod(year, QuotaPeriod.WHOLE_YEAR), official,
                POLICY_NOTE, null));
        QuotaPeriod current = QuotaPeriod.halfYearOf(today);
        List<QuotaPeriod> halfYears = new ArrayList<>();
        for (int i = 0; i < HALF_YEARS.length; i++) {
            QuotaPeriod period = new QuotaPeriod(2019 + i / 2, 1 + i % 2);
            if (period.compareTo(current) > 0) {
                break;
            }
            quota.setOfficial(period, HALF_YEARS[i], DEMO_SOURCE, null);
            halfYears.add(period);
        }
        forecasts.replacePopulations(DRECHTSTEDEN);
        int persons = matchAndPlace(households(), halfYears, current, today);
        log.info("Demo data: housing quota {}–{} and {} matched persons in {}", 2013, current, persons,
                municipality.name());
    }

    /** The demo permit holders by household, each household (or single person) once. */
    private List<List<Resident>> households() {
        Map<UUID, List<Resident>> byHousehold = new LinkedHashMap<>();
        for (Resident resident : residents.ofCategory(Category.PERMIT_HOLDER, 400)) {
            UUID key = resident.householdId() != null ? resident.householdId() : resident.id();
            byHousehold.computeIfAbsent(key, k -> new ArrayList<>()).add(resident);
        }
        return new ArrayList<>(byHousehold.values());
    }

    private int matchAndPlace(List<List<Resident>> households, List<QuotaPeriod> halfYears, QuotaPeriod current,
            LocalDate today) {
        Random random = new Random(610);
        int next = 0;
        int persons = 0;
        // Housed in every past period: the households to spare shared in proportion to
        // the official figures
        // (there are far fewer demo permit holders than the quota asked for, so a
        // shortfall remains).
        List<QuotaPeriod> past = new ArrayList<>(
                YEARLY.keySet().stream().sorted().map(year -> new QuotaPeriod(year, QuotaPeriod.WHOLE_YEAR)).toList());
        halfYears.stream().filter(p -> p.compareTo(current) < 0).forEach(past::add);
        Map<String, Long> officials = new LinkedHashMap<>();
        past.forEach(period -> officials.put(period.toString(), (long) officialOf(period, halfYears)));
        int toSpare = Math.max(0, households.size() - 7);
        Map<String, Integer> shares = LargestRemainder.allocate(toSpare, officials);
        for (QuotaPeriod period : past) {
            int days = period.yearly() ? 240 : 60;
            for (int h = 0; h < shares.get(period.toString()) && next < households.size(); h++) {
                LocalDate matched = period.start().plusDays(random.nextInt(days));
                LocalDate keys = matched.plusDays(35 + random.nextInt(60));
                persons += place(households.get(next++), matched, keys, random);
            }
        }
        // The current period: two households housed so far.
        for (int h = 0; h < 2 && next < households.size(); h++) {
            LocalDate keys = today.minusDays(5 + random.nextInt(30));
            LocalDate matched = keys.minusDays(40 + random.nextInt(25));
            persons += place(households.get(next++), matched, keys, random);
        }
        // Waiting: two overdue, three still in time; one of them family members joining
        // later.
        int[] daysAgo = { 88, 74, 50, 21, 6 };
        for (int i = 0; i < daysAgo.length && next < households.size(); i++) {
            List<Resident> household = households.get(next++);
            matches.match(household.stream().map(Resident::id).toList(), today.minusDays(daysAgo[i]), i == 3);
            persons += household.size();
        }
        return persons;
    }

    private static int officialOf(QuotaPeriod period, List<QuotaPeriod> halfYears) {
        return period.yearly() ? YEARLY.get(period.year()) : HALF_YEARS[halfYears.indexOf(period)];
    }

    private int place(List<Resident> household, LocalDate matched, LocalDate keys, Random random) {
        List<UUID> ids = household.stream().map(Resident::id).toList();
        matches.match(ids, matched, false);
        String[] streets = { "Kerkbuurt", "Rivierdijk", "Valkenhof", "Baanhoek", "Merelstraat", "Deltalaan" };
        placements.place(ids, keys,
                streets[random.nextInt(streets.length)] + " " + (1 + random.nextInt(150)) + ", Sliedrecht");
        return ids.size();
    }

}
