package nl.meedoen.housing;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.meedoen.housing.internal.HousingSettings.Rules;
import nl.meedoen.housing.internal.LargestRemainder;
import nl.meedoen.housing.internal.QuotaLedger;
import nl.meedoen.housing.internal.QuotaLedger.Figure;
import nl.meedoen.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The housing rules by their names: periods, carry-over, deadlines and the
 * largest-remainder forecast.
 */
class HousingRulesTests {

    @Test
    void periodsAreHalfYearsOrWholeYearsInStartOrder() {
        assertThat(QuotaPeriod.parse("2024-H1").start()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(QuotaPeriod.parse("2024-H2").end()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(QuotaPeriod.parse("2016").yearly()).isTrue();
        assertThat(QuotaPeriod.halfYearOf(LocalDate.of(2024, 6, 30))).hasToString("2024-H1");
        assertThat(QuotaPeriod.halfYearOf(LocalDate.of(2024, 7, 1))).hasToString("2024-H2");
        assertThat(List.of(QuotaPeriod.parse("2019-H2"), QuotaPeriod.parse("2018"), QuotaPeriod.parse("2019-H1"))
            .stream()
            .sorted()
            .map(QuotaPeriod::toString)).containsExactly("2018", "2019-H1", "2019-H2");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-H3", "24-H1", "2024-H0", "2024H1", "2024-h1", "", "abcd" })
    void refusesAPeriodThatIsNeitherAHalfYearNorAYear(String text) {
        assertThatThrownBy(() -> QuotaPeriod.parse(text)).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "2024-H3", "1899", "3000-H1", "", "abcd" })
    void aTextThatNamesNoPeriodIsNoPeriod(String text) {
        assertThat(QuotaPeriod.tryParse(text)).isEmpty();
        assertThat(QuotaPeriod.tryParse(" 2024-H2 ")).contains(new QuotaPeriod(2024, 2));
    }

    @Test
    void housingDeadlineIsTenWeeksAfterTheMatchAndTheMoveTwoWeeksLater() {
        LocalDate matched = LocalDate.of(2025, 3, 3);

        assertThat(Rules.DEFAULTS.housingDeadline(matched)).isEqualTo(LocalDate.of(2025, 5, 12));
        assertThat(Rules.DEFAULTS.moveDeadline(matched)).isEqualTo(LocalDate.of(2025, 5, 26));
    }

    @Test
    void deadlinesFollowTheMunicipalitysOwnWeeks() {
        Rules rules = new Rules(8, 3, true);

        assertThat(rules.housingDeadline(LocalDate.of(2025, 12, 15))).isEqualTo(LocalDate.of(2026, 2, 9));
        assertThat(rules.moveDeadline(LocalDate.of(2025, 12, 15))).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void balanceCarriesIntoEveryFollowingPeriod() {
        QuotaLedger ledger = QuotaLedger.of(
                List.of(figure("2020-H1", 10), figure("2020-H2", 12), figure("2021-H1", 8), figure("2021-H2", 9)),
                housed(LocalDate.of(2020, 3, 1), 7, LocalDate.of(2020, 9, 1), 16, LocalDate.of(2021, 2, 1), 8));

        assertThat(ledger.lines())
            .extracting(line -> line.period().toString(), QuotaLedger.Line::carriedIn, QuotaLedger.Line::housed,
                    QuotaLedger.Line::balance)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("2020-H1", 0, 7, 3),
                    org.assertj.core.groups.Tuple.tuple("2020-H2", 3, 16, -1),
                    org.assertj.core.groups.Tuple.tuple("2021-H1", -1, 8, -1),
                    org.assertj.core.groups.Tuple.tuple("2021-H2", -1, 0, 8));
    }

    @Test
    void correctingAPastFigureChangesEveryLaterBalance() {
        List<LocalDate> placements = housed(LocalDate.of(2020, 3, 1), 7, LocalDate.of(2020, 9, 1), 16);
        QuotaLedger before = QuotaLedger.of(List.of(figure("2020-H1", 10), figure("2020-H2", 12), figure("2021-H1", 8)),
                placements);
        QuotaLedger after = QuotaLedger.of(List.of(figure("2020-H1", 14), figure("2020-H2", 12), figure("2021-H1", 8)),
                placements);

        assertThat(before.line(QuotaPeriod.parse("2021-H1")).balance()).isEqualTo(7);
        assertThat(after.line(QuotaPeriod.parse("2021-H1")).carriedIn()).isEqualTo(3);
        assertThat(after.line(QuotaPeriod.parse("2021-H1")).balance()).isEqualTo(11);
    }

    @Test
    void aPlacementInAYearOnRecordAsAYearlyFigureCountsTowardThatYear() {
        QuotaLedger ledger = QuotaLedger.of(List.of(figure("2016", 64), figure("2019-H1", 20)),
                housed(LocalDate.of(2016, 10, 1), 60, LocalDate.of(2019, 2, 1), 5));

        assertThat(ledger.lines()).extracting(line -> line.period().toString()).containsExactly("2016", "2019-H1");
        assertThat(ledger.line(QuotaPeriod.parse("2019-H1")).carriedIn()).isEqualTo(4);
        assertThat(ledger.line(QuotaPeriod.parse("2019-H1")).balance()).isEqualTo(19);
    }

    @Test
    void aPeriodNotOnRecordCarriesInTheLastBalanceBeforeIt() {
        QuotaLedger ledger = QuotaLedger.of(List.of(figure("2020-H1", 10)), housed(LocalDate.of(2020, 3, 1), 4));

        QuotaLedger.Line later = ledger.line(QuotaPeriod.parse("2022-H2"));
        assertThat(later.official()).isNull();
        assertThat(later.carriedIn()).isEqualTo(6);
        assertThat(later.balance()).isEqualTo(6);
    }

    @Test
    void largestRemainderAddsUpWhereSimpleRoundingWouldNot() {
        // Three equal municipalities: 10 / 3 = 3.33 each rounds to 3 + 3 + 3 = 9, not 10.
        Map<String, Integer> shares = LargestRemainder.allocate(10, populations("0001", 100, "0002", 100, "0003", 100));
        assertThat(shares.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);

        // 2.5 + 2.5 + 5 rounded half up is 3 + 3 + 5 = 11, not 10.
        Map<String, Integer> halves = LargestRemainder.allocate(10, populations("0610", 25, "0590", 25, "0505", 50));
        assertThat(halves.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
    }

    @Test
    void largestRemainderGivesTheLeftoverToTheLargestFractions() {
        // Exact shares 5.6, 3.1, 1.3: whole parts 5 + 3 + 1 = 9; the one left goes to
        // 0.6.
        Map<String, Integer> shares = LargestRemainder.allocate(10, populations("0482", 56, "0505", 31, "0523", 13));

        assertThat(shares).containsExactlyInAnyOrderEntriesOf(Map.of("0482", 6, "0505", 3, "0523", 1));
    }

    @Test
    void largestRemainderBreaksTiesByLargerPopulationThenByCode() {
        // Exact shares 0.5 and 1.5: one unit left for two equal remainders; the larger
        // population wins, though
        // its code is higher.
        assertThat(LargestRemainder.allocate(2, populations("0001", 1, "0002", 3))).containsEntry("0001", 0)
            .containsEntry("0002", 2);
        // Equal remainders and populations: the lower code wins.
        assertThat(LargestRemainder.allocate(1, populations("0642", 50, "0610", 50))).containsEntry("0610", 1)
            .containsEntry("0642", 0);
    }

    @Test
    void largestRemainderSharesTheDrechtstedenExactly() {
        Map<String, Integer> shares = LargestRemainder.allocate(13_500, populations("0482", 20_300, "0505", 119_800,
                "0523", 18_300, "0531", 31_900, "0590", 32_700, "0610", 25_500, "0642", 45_400));
        assertThat(shares.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(13_500);
    }

    private static Figure figure(String period, int official) {
        return new Figure(QuotaPeriod.parse(period), official, "test");
    }

    /** Pairs of a day and how many persons got their keys that day. */
    private static List<LocalDate> housed(Object... dayAndCount) {
        List<LocalDate> days = new java.util.ArrayList<>();
        for (int i = 0; i < dayAndCount.length; i += 2) {
            for (int n = 0; n < (Integer) dayAndCount[i + 1]; n++) {
                days.add((LocalDate) dayAndCount[i]);
            }
        }
        return days;
    }

    private static Map<String, Long> populations(Object... codeAndPopulation) {
        Map<String, Long> populations = new LinkedHashMap<>();
        for (int i = 0; i < codeAndPopulation.length; i += 2) {
            populations.put((String) codeAndPopulation[i], ((Integer) codeAndPopulation[i + 1]).longValue());
        }
        return populations;
    }

}
