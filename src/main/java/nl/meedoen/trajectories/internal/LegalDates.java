package nl.meedoen.trajectories.internal;

import java.time.LocalDate;
import java.util.Map;

import nl.meedoen.law.NationalRules;
import nl.meedoen.law.Rule;
import nl.meedoen.law.RuleCode;
import nl.meedoen.law.RuleSet;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The dates the law sets, each computed with the version of the national rule set in
 * force on the date it counts from and returned with its {@link Basis}: the PIP due date,
 * the integration period and the route-switch deadline (art. 11 Wet inburgering 2021:
 * from the day after the date of the first PIP), the end of ontzorgen and, under the Wet
 * inburgering (2013), the participation-declaration deadline.
 */
@Component
public class LegalDates {

    private final NationalRules law;

    public LegalDates(NationalRules law) {
        this.law = law;
    }

    /**
     * The PIP is due the legal weeks after the later of DUO's notice and the BRP
     * registration; when information from a third party was asked for, at least the
     * municipality's third-party weeks after it arrived.
     */
    public Basis planDue(LocalDate duoNotice, LocalDate brpRegistration, @Nullable LocalDate thirdPartyInfo,
            int thirdPartyWeeks) {
        boolean noticeLater = duoNotice.isAfter(brpRegistration);
        LocalDate later = noticeLater ? duoNotice : brpRegistration;
        RuleSet set = law.inForceOn(later);
        Rule weeks = set.rule(RuleCode.PLAN_WEEKS);
        LocalDate due = later.plusWeeks(weeks.value());
        if (thirdPartyInfo != null && thirdPartyInfo.plusWeeks(thirdPartyWeeks).isAfter(due)) {
            return thirdParty(thirdPartyInfo, thirdPartyInfo.plusWeeks(thirdPartyWeeks), thirdPartyWeeks);
        }
        return Basis.of(weeks, set.version(), due,
                noticeLater ? Map.of("duoNoticeDate", duoNotice) : Map.of("brpRegistrationDate", brpRegistration),
                noticeLater ? "trajectories.basis.planDue.duo" : "trajectories.basis.planDue.brp");
    }

    /**
     * The basis of a PIP due date as stored: the date itself decides whether it followed
     * from the law or from the third-party weeks of its moment.
     */
    public Basis planDueAsStored(LocalDate due, LocalDate duoNotice, LocalDate brpRegistration,
            @Nullable LocalDate thirdPartyInfo) {
        Basis legal = planDue(duoNotice, brpRegistration, null, 0);
        if (legal.date().equals(due) || thirdPartyInfo == null || !due.isAfter(thirdPartyInfo)) {
            return legal;
        }
        int weeks = (int) java.time.temporal.ChronoUnit.WEEKS.between(thirdPartyInfo, due);
        return thirdParty(thirdPartyInfo, due, weeks);
    }

    private static Basis thirdParty(LocalDate thirdPartyInfo, LocalDate due, int weeks) {
        return Basis.local("thirdPartyWeeks", weeks, due, Map.of("thirdPartyInfoReceivedDate", thirdPartyInfo),
                "trajectories.basis.planDue.thirdParty");
    }

    /** The integration period starts the day after the date of the first PIP. */
    public Basis integrationPeriodStart(LocalDate firstPip) {
        RuleSet set = law.inForceOn(firstPip);
        return Basis.of(set.rule(RuleCode.INTEGRATION_PERIOD_YEARS), set.version(), firstPip.plusDays(1),
                Map.of("firstPlanOn", firstPip), "trajectories.basis.periodStart");
    }

    /**
     * The last day of the integration period: its start plus the legal years, minus one
     * day (a period from 29 February ends on 27 February three years on, as 28 February
     * would be the start's anniversary).
     */
    public Basis integrationPeriodEnd(LocalDate firstPip) {
        RuleSet set = law.inForceOn(firstPip);
        Rule years = set.rule(RuleCode.INTEGRATION_PERIOD_YEARS);
        return Basis.of(years, set.version(), firstPip.plusDays(1).plusYears(years.value()).minusDays(1),
                Map.of("firstPlanOn", firstPip), "trajectories.basis.periodEnd");
    }

    /**
     * The last day a route switch is possible: the start of the period plus the legal
     * months, minus one day.
     */
    public Basis routeSwitchDeadline(LocalDate firstPip) {
        RuleSet set = law.inForceOn(firstPip);
        Rule months = set.rule(RuleCode.ROUTE_SWITCH_MONTHS);
        LocalDate start = firstPip.plusDays(1);
        return Basis.of(months, set.version(), start.plusMonths(months.value()).minusDays(1),
                Map.of("integrationPeriodStart", start), "trajectories.basis.routeSwitch");
    }

    /**
     * The last day of ontzorgen: the start of social assistance plus the legal months.
     */
    public Basis ontzorgenEnd(LocalDate assistanceStart) {
        RuleSet set = law.inForceOn(assistanceStart);
        Rule months = set.rule(RuleCode.ONTZORGEN_MONTHS);
        return Basis.of(months, set.version(), assistanceStart.plusMonths(months.value()),
                Map.of("assistanceStart", assistanceStart), "trajectories.basis.ontzorgenEnd");
    }

    /**
     * Under the Wet inburgering (2013) the participation declaration is due within the
     * legal months of the registration: the registration plus those months, minus one
     * day.
     */
    public Basis wi2013PvtDeadline(LocalDate registration) {
        RuleSet set = law.inForceOn(registration);
        Rule months = set.rule(RuleCode.WI2013_PVT_MONTHS);
        return Basis.of(months, set.version(), registration.plusMonths(months.value()).minusDays(1),
                Map.of("brpRegistrationDate", registration), "trajectories.basis.wi2013Pvt");
    }

}
