package nl.meedoen.law.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.meedoen.law.Act;
import nl.meedoen.law.Rule;
import nl.meedoen.law.RuleCode;
import nl.meedoen.law.RuleSet;

/**
 * The versions of the national rule set, oldest first. A version names only what takes
 * effect on its date; the rule set in force is every earlier rule with the version's
 * rules added or replacing theirs. When the law changes, add a version at the end with
 * the date it takes effect (see {@code docs/law.md}); never edit a version that has taken
 * effect, since recorded dates were computed with it.
 */
public final class RuleVersions {

    private RuleVersions() {
    }

    private record Change(RuleCode code, int value, Act act, String article) {
    }

    private record Version(String name, LocalDate effectiveFrom, String changeKey, List<Change> changes) {
    }

    private static final List<Version> VERSIONS = List.of(
            new Version("2017.10", LocalDate.of(2017, 10, 1), "law.version.2017.10",
                    List.of(new Change(RuleCode.WI2013_PVT_MONTHS, 12, Act.WI2013, ""))),
            new Version("2022.01", LocalDate.of(2022, 1, 1), "law.version.2022.01",
                    List.of(new Change(RuleCode.PLAN_WEEKS, 10, Act.WI2021, ""),
                            new Change(RuleCode.INTEGRATION_PERIOD_YEARS, 3, Act.WI2021, "art. 11"),
                            new Change(RuleCode.ROUTE_SWITCH_MONTHS, 18, Act.WI2021, ""),
                            new Change(RuleCode.STEP_DOWN_LESSON_HOURS, 600, Act.BI2021, ""),
                            new Change(RuleCode.STEP_DOWN_CLASSROOM_PERCENT, 50, Act.BI2021, ""),
                            new Change(RuleCode.Z_COURSE_HOURS, 800, Act.BI2021, ""),
                            new Change(RuleCode.Z_PARTICIPATION_HOURS, 800, Act.BI2021, ""),
                            new Change(RuleCode.Z_SCHOOL_HOURS_COUNT, 0, Act.BI2021, ""),
                            new Change(RuleCode.MAP_PRACTICAL_HOURS, 40, Act.BI2021, ""),
                            new Change(RuleCode.ONTZORGEN_MONTHS, 6, Act.PARTICIPATIEWET, "art. 56a"),
                            new Change(RuleCode.FINE_MAX_EUROS, 800, Act.WI2021, "art. 22–23"),
                            new Change(RuleCode.OBJECTION_WEEKS, 6, Act.AWB, "art. 6:7"),
                            // In force since the act began; modelled later, for the
                            // plausibility check of a recorded duty, so no recorded date
                            // was computed without it.
                            new Change(RuleCode.DUTY_MINIMUM_AGE_YEARS, 16, Act.WI2021, ""))),
            new Version("2025.07", LocalDate.of(2025, 7, 1), "law.version.2025.07",
                    List.of(new Change(RuleCode.Z_SCHOOL_HOURS_COUNT, 1, Act.BI2021, ""))));

    /**
     * Every version, oldest first, each with the whole rule set in force from its date.
     */
    public static List<RuleSet> all() {
        List<RuleSet> sets = new ArrayList<>();
        Map<RuleCode, Rule> inForce = new EnumMap<>(RuleCode.class);
        for (Version version : VERSIONS) {
            for (Change change : version.changes()) {
                inForce.put(change.code(), new Rule(change.code(), change.value(), change.act(), change.article(),
                        version.effectiveFrom()));
            }
            sets.add(new RuleSet(version.name(), version.effectiveFrom(), version.changeKey(),
                    List.copyOf(inForce.values()),
                    version.changes().stream().map(Change::code).collect(Collectors.toSet())));
        }
        return List.copyOf(sets);
    }

}
