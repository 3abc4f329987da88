package nl.meedoen.law;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The national rule set: which version is in force on which day, and what it holds. */
class NationalRulesTests {

    final NationalRules rules = new NationalRules();

    @Test
    void schoolHoursOfYoungPeopleInTheZRouteCountFromTheFirstOfJuly2025AndNotTheDayBefore() {
        RuleSet before = rules.inForceOn(LocalDate.of(2025, 6, 30));
        RuleSet from = rules.inForceOn(LocalDate.of(2025, 7, 1));

        assertThat(before.version()).isEqualTo("2022.01");
        assertThat(before.rule(RuleCode.Z_SCHOOL_HOURS_COUNT).applies()).isFalse();
        assertThat(from.version()).isEqualTo("2025.07");
        assertThat(from.effectiveFrom()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(from.rule(RuleCode.Z_SCHOOL_HOURS_COUNT).applies()).isTrue();
        assertThat(from.changed()).containsExactly(RuleCode.Z_SCHOOL_HOURS_COUNT);
    }

    @Test
    void aLaterVersionKeepsEveryRuleItDoesNotChangeWithTheDateThatRuleTookEffect() {
        Rule fine = rules.rule(RuleCode.FINE_MAX_EUROS, LocalDate.of(2025, 7, 1));

        assertThat(fine.value()).isEqualTo(800);
        assertThat(fine.unit()).isEqualTo(Unit.EUROS);
        assertThat(fine.effectiveFrom()).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(fine.source()).isEqualTo("Wet inburgering 2021, art. 22–23");
        assertThat(rules.inForceOn(LocalDate.of(2025, 7, 1)).items()).extracting(Rule::code)
            .containsExactlyInAnyOrder(RuleCode.values());
    }

    @Test
    void theWetInburgering2021RulesHoldFromTheFirstOfJanuary2022AndOnlyThePvtRuleOfThe2013ActBefore() {
        RuleSet lastDayOf2021 = rules.inForceOn(LocalDate.of(2021, 12, 31));

        assertThat(lastDayOf2021.value(RuleCode.WI2013_PVT_MONTHS)).isEqualTo(12);
        assertThat(lastDayOf2021.find(RuleCode.PLAN_WEEKS)).isEmpty();
        assertThatThrownBy(() -> lastDayOf2021.rule(RuleCode.PLAN_WEEKS)).isInstanceOf(RuleNotInForceException.class);
        assertThat(rules.inForceOn(LocalDate.of(2022, 1, 1)).value(RuleCode.PLAN_WEEKS)).isEqualTo(10);
        assertThatThrownBy(() -> rules.inForceOn(LocalDate.of(2017, 9, 30)))
            .isInstanceOf(RuleNotInForceException.class);
    }

    @Test
    void everyRuleNamesItsActAndTheHistoryListsTheNewestVersionFirst() {
        assertThat(rules.history()).extracting(RuleSet::version).containsExactly("2025.07", "2022.01", "2017.10");
        assertThat(rules.inForceOn(LocalDate.of(2026, 1, 1)).items())
            .allSatisfy(rule -> assertThat(rule.source()).startsWith(rule.act().title()));
        assertThat(rules.rule(RuleCode.ONTZORGEN_MONTHS, LocalDate.of(2024, 1, 1)).source())
            .isEqualTo("Participatiewet, art. 56a");
        assertThat(rules.rule(RuleCode.INTEGRATION_PERIOD_YEARS, LocalDate.of(2024, 1, 1)).source())
            .isEqualTo("Wet inburgering 2021, art. 11");
    }

}
