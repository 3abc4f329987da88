package nl.meedoen.trajectories.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.meedoen.identity.Colleagues;
import nl.meedoen.identity.Colleagues.Colleague;
import nl.meedoen.identity.Municipality;
import nl.meedoen.residents.Residents;
import nl.meedoen.trajectories.ExamOutcome;
import nl.meedoen.trajectories.ExamPart;
import nl.meedoen.trajectories.ExemptPart;
import nl.meedoen.trajectories.ExemptionKind;
import nl.meedoen.trajectories.IntakeOutcome;
import nl.meedoen.trajectories.MapTheme;
import nl.meedoen.trajectories.internal.Exemptions;
import nl.meedoen.trajectories.internal.Intakes;
import nl.meedoen.trajectories.internal.Intakes.Components;
import nl.meedoen.trajectories.internal.LearningRoutes;
import nl.meedoen.trajectories.internal.LearningRoutes.Hours;
import nl.meedoen.trajectories.internal.Ontzorgen;
import nl.meedoen.trajectories.internal.Ontzorgen.Terms;
import nl.meedoen.trajectories.internal.TrajectoryCaseworkers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rest of the demo trajectories in Sliedrecht, seeded with the guidance they follow
 * ({@link DemoTrajectories}): every person with guidance gets a trajectory caseworker
 * (mostly the demo caseworker), broad-intake appointments (one person twice absent, so a
 * fine is proposed; one completed intake with health notes for the own team; one
 * invitation still to come), ontzorgen from the start of social assistance, a KNM
 * exemption, exam results and Z-route hours.
 */
@Component
@ConditionalOnProperty(name = "meedoen.demo", havingValue = "true")
class DemoIntakesAndRoutes {

    record Row(UUID personId, @Nullable String route) {
    }

    private static final Logger log = LoggerFactory.getLogger(DemoIntakesAndRoutes.class);

    private final Residents residents;

    private final Colleagues colleagues;

    private final TrajectoryCaseworkers caseworkers;

    private final Intakes intakes;

    private final Ontzorgen ontzorgen;

    private final Exemptions exemptions;

    private final LearningRoutes routes;

    private final JdbcClient jdbc;

    DemoIntakesAndRoutes(Residents residents, Colleagues colleagues, TrajectoryCaseworkers caseworkers, Intakes intakes,
            Ontzorgen ontzorgen, Exemptions exemptions, LearningRoutes routes, JdbcClient jdbc) {
        this.residents = residents;
        this.colleagues = colleagues;
        this.caseworkers = caseworkers;
        this.intakes = intakes;
        this.ontzorgen = ontzorgen;
        this.exemptions = exemptions;
        this.routes = routes;
        this.jdbc = jdbc;
    }

    /**
     * Seeds the rest for the persons with guidance, when there are enough of them: at
     * least three without a PIP and two with one.
     */
    void seed(Municipality municipality, LocalDate today) {
        // The persons with guidance, longest running first, with their learning route
        // once the PIP is adopted.
        List<Row> rows = jdbc.sql("""
                select g.person_id, d.route from guidance g
                left join integration_duty d on d.municipality_id = g.municipality_id and d.person_id = g.person_id
                where g.municipality_id = :m order by g.start_date, g.person_id""")
            .param("m", municipality.id())
            .query(Row.class)
            .list();
        List<UUID> persons = rows.stream().map(Row::personId).toList();
        // The intakes' story is told in the team most persons belong to (the demo
        // caseworker's), whichever households the guidance happened to pick.
        Map<UUID, UUID> teams = new HashMap<>();
        persons.forEach(p -> residents.find(p).map(Residents.Resident::teamId).ifPresent(t -> teams.put(p, t)));
        UUID mainTeam = teams.values()
            .stream()
            .collect(Collectors.groupingBy(t -> t, Collectors.counting()))
            .entrySet()
            .stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(null);
        List<UUID> noPlan = withoutPlan(rows).stream()
            .sorted(Comparator.comparing((UUID p) -> !Objects.equals(teams.get(p), mainTeam)))
            .toList();
        if (noPlan.size() < 3 || rows.stream().filter(r -> r.route() != null).count() < 2) {
            return;
        }
        for (int i = 0; i < persons.size(); i++) {
            UUID person = persons.get(i);
            boolean teamLead = i % 4 == 3;
            UUID team = residents.find(person).map(Residents.Resident::teamId).orElse(null);
            List<Colleague> members = team == null ? List.of() : colleagues.ofTeam(team);
            Colleague caseworker = members.stream()
                .filter(c -> c.role().name().equals(teamLead ? "TEAM_LEAD" : "CASEWORKER"))
                .findFirst()
                .orElse(members.isEmpty() ? null : members.get(0));
            if (caseworker != null) {
                caseworkers.assign(person, caseworker.id(), null);
            }
            LocalDate guidanceStart = jdbc.sql("""
                    select start_date from guidance where municipality_id = :m and person_id = :p""")
                .param("m", municipality.id())
                .param("p", person)
                .query(LocalDate.class)
                .single();
            // Social assistance usually starts with the key handover; ontzorgen follows
            // from it.
            ontzorgen.save(person, new Terms(guidanceStart, guidanceStart, null, null, null), 0);
        }

        // The longest running: intake done, B1 route with exam results and KNM
        // exempted.
        UUID first = withRoute(rows, "B1");
        LocalDate firstIntake = today.minusMonths(6);
        var appointment = intakes.schedule(first, firstIntake, LocalTime.of(10, 0), "Gemeentehuis Sliedrecht");
        intakes.recordOutcome(first, appointment.id(), IntakeOutcome.ATTENDED, null, null, null, appointment.version());
        intakes.save(first,
                new Components(firstIntake.minusWeeks(1), "Leerbaar; B1 haalbaar binnen de termijn",
                        "Middelbare school afgerond in Damascus (12 jaar onderwijs)", "Vijf jaar kapper in eigen zaak",
                        "Woont met partner en twee kinderen (4 en 9)", "Rugklachten; fysiotherapie via de huisarts",
                        firstIntake, firstIntake),
                0);
        exemptions.record(first, ExemptPart.KNM, ExemptionKind.VRIJSTELLING, today.minusMonths(2),
                "Inburgeringsdiploma KNM eerder behaald (Wet inburgering 2013)");
        routes.recordExam(first, ExamPart.READING, "B1", ExamOutcome.PASSED, today.minusWeeks(6));
        routes.recordExam(first, ExamPart.LISTENING, "B1", ExamOutcome.FAILED, today.minusWeeks(6));
        routes.recordHours(first, new Hours(null, null, null, new BigDecimal("24"),
                List.of(MapTheme.DUTCH_LABOUR_MARKET, MapTheme.WORK_AND_INCOME, MapTheme.LOOKING_FOR_WORK), null, null),
                dutyVersion(first));

        // Twice absent: a warning, then a proposed fine, and a new invitation next
        // week.
        UUID absent = noPlan.get(0);
        var missed = intakes.schedule(absent, today.minusWeeks(5), LocalTime.of(9, 30), "Gemeentehuis Sliedrecht");
        var second = intakes
            .recordOutcome(absent, missed.id(), IntakeOutcome.NO_SHOW, today.minusWeeks(2), LocalTime.of(14, 0),
                    "Gemeentehuis Sliedrecht", missed.version())
            .newInvitation();
        intakes.recordOutcome(absent, second.id(), IntakeOutcome.NO_SHOW, today.plusDays(6), LocalTime.of(11, 0),
                "Gemeentehuis Sliedrecht", second.version());

        // The Z route: hours under way.
        UUID zRoute = withRoute(rows, "Z");
        routes.recordHours(zRoute, new Hours(new BigDecimal("210"), new BigDecimal("96"), null, new BigDecimal("8"),
                List.of(MapTheme.DUTCH_LABOUR_MARKET), null, null), dutyVersion(zRoute));

        // An invitation still to come, and one whose outcome was not recorded yet.
        intakes.schedule(noPlan.get(1), today.plusDays(10), LocalTime.of(13, 30), "Sociaal team, Stationsweg");
        intakes.schedule(noPlan.get(2), today.minusDays(2), LocalTime.of(10, 0), "Gemeentehuis Sliedrecht");
        log.info("Demo data: caseworkers, intakes, ontzorgen and learning routes for {} persons in {}", persons.size(),
                municipality.name());
    }

    private UUID withRoute(List<Row> rows, String route) {
        return rows.stream().filter(r -> route.equals(r.route())).map(Row::personId).findFirst().orElseThrow();
    }

    private static List<UUID> withoutPlan(List<Row> rows) {
        return rows.stream().filter(r -> r.route() == null).map(Row::personId).toList();
    }

    /** The version of the person's integration duty, as a client reads it first. */
    private int dutyVersion(UUID personId) {
        return jdbc.sql("select version from integration_duty where person_id = :p")
            .param("p", personId)
            .query(Integer.class)
            .single();
    }

}
