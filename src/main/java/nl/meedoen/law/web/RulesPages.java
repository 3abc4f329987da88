package nl.meedoen.law.web;

import java.time.Clock;
import java.time.LocalDate;

import nl.meedoen.law.NationalRules;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The page {@code /regels}: the national rule set in force today, with its history. */
@Controller
class RulesPages {

    private final NationalRules rules;

    private final Clock clock;

    RulesPages(NationalRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @GetMapping("/regels")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD', 'POLICY_OFFICER', 'PRIVACY_OFFICER', 'ADMIN', "
            + "'VOLUNTEER_COORDINATOR')")
    String rules(Model model) {
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("today", today);
        model.addAttribute("current", rules.inForceOn(today));
        model.addAttribute("history", rules.history());
        return "law/rules";
    }

}
