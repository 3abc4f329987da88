package nl.meedoen.signals.demo;

import nl.meedoen.identity.Colleagues;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.identity.Role;
import nl.meedoen.identity.DemoData;
import nl.meedoen.identity.Municipality;
import nl.meedoen.signals.internal.NightlyEvaluation;
import nl.meedoen.signals.internal.OutreachReports;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's signals: the first full evaluation over everything the other modules seeded
 * (so begeleider's worklist holds signals of several rules), and an outreach report by a
 * caseworker about an isolated established migrant.
 */
@Component
@ConditionalOnProperty(name = "meedoen.demo", havingValue = "true")
class DemoSignals implements DemoData {

    private final NightlyEvaluation evaluation;

    private final OutreachReports reports;

    private final Municipalities municipalities;

    private final Colleagues colleagues;

    private final JdbcClient jdbc;

    DemoSignals(NightlyEvaluation evaluation, OutreachReports reports, Municipalities municipalities,
            Colleagues colleagues, JdbcClient jdbc) {
        this.evaluation = evaluation;
        this.reports = reports;
        this.municipalities = municipalities;
        this.colleagues = colleagues;
        this.jdbc = jdbc;
    }

    @Override
    public Phase phase() {
        return Phase.SIGNALS;
    }

    @Override
    public boolean presentIn(Municipality municipality) {
        return DemoData.hasRows(jdbc, "signal_run", municipality);
    }

    @Override
    public void seed(Municipality municipality) {
        for (var team : municipalities.teams(municipality.id())) {
            var reporter = colleagues.ofTeam(team).stream().filter(c -> c.role() == Role.CASEWORKER).findFirst();
            if (reporter.isEmpty()) {
                continue;
            }
            reports.report(new OutreachReports.Reporter(reporter.get().id(), Role.CASEWORKER, team, null),
                    "Een oudere buurvrouw uit Marokko komt bijna niet meer buiten sinds haar man is overleden en "
                            + "spreekt weinig Nederlands. Zij vertelde dat ze graag iemand wil spreken.",
                    "Via de Taalschool De Brug, dinsdagochtend", true);
            break;
        }
        evaluation.current(NightlyEvaluation.Trigger.ADMIN);
    }

}
