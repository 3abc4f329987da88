package nl.meedoen.trajectories.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.meedoen.identity.DemoData;
import nl.meedoen.identity.Municipality;
import nl.meedoen.law.NationalRules;
import nl.meedoen.law.RuleCode;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import nl.meedoen.trajectories.Handover;
import nl.meedoen.trajectories.IntegrationRegime;
import nl.meedoen.trajectories.LearningRoute;
import nl.meedoen.trajectories.PvtStatus;
import nl.meedoen.trajectories.internal.Guidances;
import nl.meedoen.trajectories.internal.ParticipationDeclarations;
import nl.meedoen.trajectories.internal.IntegrationDuties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo trajectories for Sliedrecht, when no guidance is on record yet: the most recently
 * registered permit holders get social guidance started over the past months (one of them
 * past its end date), one has a pending extension request for the team lead, and one is
 * closed into the local integration policy. Each has the Wet inburgering 2021 duty
 * recorded; three have an adopted PIP, the others a PIP due date (some of them passed).
 * One has completed the PVT, one has attended a first session. Then the caseworkers,
 * intakes, ontzorgen and learning routes of these persons follow.
 */
@Component
@ConditionalOnProperty(name = "meedoen.demo", havingValue = "true")
class DemoTrajectories implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoTrajectories.class);

    /** How many months before today each demo guidance started. */
    private static final int[] MONTHS_AGO = { 7, 6, 5, 5, 4, 3, 2, 1 };

    private final Residents residents;

    private final Guidances guidances;

    private final IntegrationDuties duties;

    private final ParticipationDeclarations pvts;

    private final DemoIntakesAndRoutes intakesAndRoutes;

    private final JdbcClient jdbc;

    private final NationalRules rules;

    private final Clock clock;

    DemoTrajectories(Residents residents, Guidances guidances, IntegrationDuties duties, ParticipationDeclarations pvts,
            DemoIntakesAndRoutes intakesAndRoutes, JdbcClient jdbc, NationalRules rules, Clock clock) {
        this.residents = residents;
        this.guidances = guidances;
        this.duties = duties;
        this.pvts = pvts;
        this.intakesAndRoutes = intakesAndRoutes;
        this.jdbc = jdbc;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public Phase phase() {
        return Phase.TRAJECTORIES;
    }

    @Override
    public boolean presentIn(Municipality municipality) {
        return DemoData.hasRows(jdbc, "guidance", municipality);
    }

    @Override
    public void seed(Municipality municipality) {
        LocalDate today = LocalDate.now(clock);
        List<Resident> recent = new ArrayList<>(residents.ofCategory(Category.PERMIT_HOLDER, 1000));
        Collections.reverse(recent);
        // The persons whose learning route the demo tells (0, 2 and 4 below) belong to
        // the team most permit holders are in, the demo caseworker's.
        UUID mainTeam = recent.stream()
            .map(Resident::teamId)
            .filter(Objects::nonNull)
            .collect(Collectors.groupingBy(t -> t, Collectors.counting()))
            .entrySet()
            .stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(null);
        List<Resident> started = new ArrayList<>();
        for (Resident person : new ArrayList<>(recent)) {
            if (started.size() == MONTHS_AGO.length) {
                break;
            }
            if (started.size() % 2 == 0 && started.size() <= 4 && mainTeam != null
                    && !mainTeam.equals(person.teamId())) {
                continue;
            }
            LocalDate start = today.minusMonths(MONTHS_AGO[started.size()]).minusDays(started.size());
            if (person.arrivalDate() != null && person.arrivalDate().isAfter(start)) {
                continue;
            }
            // DUO imposes the duty only from the age the law names: demo data passes the
            // file's plausibility check.
            LocalDate notice = start.minusWeeks(2);
            if (Period.between(person.dateOfBirth(), notice)
                .getYears() < rules.rule(RuleCode.DUTY_MINIMUM_AGE_YEARS, notice).value()) {
                continue;
            }
            guidances.start(person.id(), start);
            // DUO's notice and the BRP registration shortly before the guidance started.
            duties.record(person.id(), IntegrationRegime.WI2021, start.minusWeeks(2), start.minusWeeks(3), null, null);
            started.add(person);
        }
        if (started.size() > 3) {
            guidances.requestExtension(started.get(1).id(), 3,
                    "Gezinshereniging loopt nog en de taalcursus is net begonnen; begeleiding is nodig tot de"
                            + " kinderen op school zitten.");
            guidances.close(started.get(2).id(), today.minusWeeks(1), Handover.LOCAL_POLICY, null,
                    version("guidance", started.get(2).id()));
            duties.adoptPlan(started.get(0).id(), today.minusMonths(5), LearningRoute.B1,
                    version("integration_duty", started.get(0).id()));
            duties.adoptPlan(started.get(2).id(), today.minusMonths(3), LearningRoute.Z,
                    version("integration_duty", started.get(2).id()));
            duties.adoptPlan(started.get(4).id(), today.minusMonths(2), LearningRoute.ONDERWIJS,
                    version("integration_duty", started.get(4).id()));
            String[] themes = { "Vrijheid en gelijkwaardigheid", "Solidariteit", "Participatie" };
            for (int i = 0; i < themes.length; i++) {
                pvts.addSession(started.get(0).id(), today.minusMonths(5).plusWeeks(i), BigDecimal.valueOf(4),
                        themes[i]);
            }
            pvts.setStatus(started.get(0).id(), PvtStatus.COMPLETED, today.minusMonths(5).plusWeeks(3),
                    version("participation_declaration", started.get(0).id()));
            pvts.addSession(started.get(1).id(), today.minusWeeks(3), BigDecimal.valueOf(4), themes[0]);
        }
        log.info("Demo data: social guidance and integration duty for {} permit holders in {}", started.size(),
                municipality.name());
        intakesAndRoutes.seed(municipality, today);
    }

    /**
     * The version of a person's part as stored now: demo data changes what it just made.
     */
    private int version(String table, UUID personId) {
        return jdbc.sql("select version from " + table + " where person_id = :p")
            .param("p", personId)
            .query(Integer.class)
            .single();
    }

}
