package nl.meedoen.law.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.law.NationalRules;
import nl.meedoen.law.Rule;
import nl.meedoen.law.RuleCode;
import nl.meedoen.law.RuleSet;
import nl.meedoen.law.Unit;
import nl.meedoen.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The national rule set in force on a date, over JSON, for every member of staff. */
@RestController
@Tag(name = "Rules", description = "The national rule set (law), versioned by the date each rule takes effect.")
class RulesApi {

    record Item(RuleCode code, int value, Unit unit, String source, LocalDate effectiveFrom) {

        static Item of(Rule rule) {
            return new Item(rule.code(), rule.value(), rule.unit(), rule.source(), rule.effectiveFrom());
        }

    }

    record RuleSetBody(String version, LocalDate effectiveFrom, List<Item> items) {

        static RuleSetBody of(RuleSet set) {
            return new RuleSetBody(set.version(), set.effectiveFrom(), set.items().stream().map(Item::of).toList());
        }

    }

    private final NationalRules rules;

    private final Clock clock;

    RulesApi(NationalRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @GetMapping("/api/v1/rules")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD', 'POLICY_OFFICER', 'PRIVACY_OFFICER', 'ADMIN', "
            + "'VOLUNTEER_COORDINATOR')")
    @Operation(summary = "Read the rule set in force on a date",
            description = "Every member of staff (not partners). The version of the national rule set in force on "
                    + "`on` (default today): its name, the date it took effect and every rule with its value, unit, "
                    + "source (act and article) and the date that rule took effect. No ETag: the law is not "
                    + "changed through the API. 400 for a date that is not an ISO date or lies before the first "
                    + "version.")
    RuleSetBody inForce(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate on) {
        LocalDate date = on == null ? LocalDate.now(clock) : on;
        if (date.isBefore(NationalRules.firstEffectiveDate())) {
            throw new InvalidInputException("on", "law.ruleSet.none");
        }
        return RuleSetBody.of(rules.inForceOn(date));
    }

}
