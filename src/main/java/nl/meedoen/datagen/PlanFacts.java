package nl.meedoen.datagen;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The plans module's facts of a person with a plan: the plan (with the PIP's dates when
 * the trajectory adopted one), version 1 adopted, often a second version adopted later
 * and sometimes a draft, goals and actions per spearhead (the same ids across versions,
 * as the module copies them), their progress, progress reviews at the default interval of
 * 3 months (some plans fall behind), and the "wegwijs" checklist.
 */
final class PlanFacts {

    private static final List<String[]> GOALS = List.of(
            new String[] { "LANGUAGE", "Nederlands op het niveau van de leerroute", "Lessen volgen bij het Taalhuis" },
            new String[] { "WORK_AND_INCOME", "Betaald werk vinden", "Intake bij het Werkplein" },
            new String[] { "OWN_NETWORK", "Contacten in de buurt opbouwen", "Kennismaken met een maatje" },
            new String[] { "LIVING_ENVIRONMENT", "Zelf de weg vinden naar voorzieningen", "De wegwijslijst doorlopen" },
            new String[] { "PARTICIPATION", "Vrijwilligerswerk doen", "Gesprek bij de vrijwilligerscentrale" },
            new String[] { "NORMS_AND_VALUES", "De participatieverklaring ondertekenen", "PVT-workshops bijwonen" },
            new String[] { "EDUCATION", "Een opleiding kiezen", "Oriëntatie op het mbo" },
            new String[] { "HELP_AND_SUPPORT", "Financiën op orde", "Budgetcoach inschakelen" },
            new String[] { "SPORT_AND_CULTURE", "Lid worden van een club", "Proefles bij de sportvereniging" });

    private static final List<String> PLACES = List.of("Huisarts", "Apotheek", "Bibliotheek", "Gemeentewinkel (balie)",
            "School of kinderopvang", "Sociaal team", "Sportvereniging", "Sociale Dienst Drechtsteden", "Tandarts",
            "Ziekenhuis en huisartsenpost", "Supermarkt en markt", "Openbaar vervoer");

    private static final List<String> WHO = List.of("PERSON", "CASEWORKER", "PARTNER", "VOLUNTEER");

    private final FactTables t;

    private final Draw draw;

    PlanFacts(FactTables tables, Draw draw) {
        this.t = tables;
        this.draw = draw;
    }

    private record Goal(UUID id, String[] kind, List<UUID> actions, @Nullable LocalDate target) {
    }

    /** The plan of a person whose {@link Life#planFrom} is set. */
    void plan(Life life) {
        LocalDate started = life.planFrom;
        if (started == null) {
            return;
        }
        UUID planId = draw.uuid();
        String by = life.caseworker.name();
        boolean pip = life.pipAdoptedOn != null;
        t.plan.value(planId)
            .value(life.municipality())
            .value(life.id())
            .value(started)
            .value(by)
            .value(life.pipAdoptedOn)
            .value(life.route)
            .value(life.periodStart)
            .value(life.periodEnd)
            .value(life.switchDeadline)
            .at(started)
            .endRow();
        LocalDate adopted = pip ? life.pipAdoptedOn : started.plusDays(draw.between(7, 42));
        boolean adoptedYet = !adopted.isAfter(life.today);

        List<Goal> goals = new ArrayList<>();
        goals.add(goal(GOALS.get(0), started));
        int more = draw.between(1, 3);
        for (int i = 0; i < more; i++) {
            String[] kind = GOALS.get(draw.between(1, GOALS.size() - 1));
            if (goals.stream().noneMatch(g -> g.kind() == kind)) {
                goals.add(goal(kind, started));
            }
        }
        version(life, planId, 1, adoptedYet ? adopted : null, pip, goals, started);
        List<Goal> current = goals;
        int number = 1;
        LocalDate lastAdoption = adopted;
        if (adoptedYet && life.monthsSince(adopted) > 8 && draw.chance(30)) {
            LocalDate second = draw.day(adopted.plusMonths(4), life.today.minusDays(14));
            List<Goal> next = new ArrayList<>(goals);
            String[] kind = GOALS.get(draw.between(1, GOALS.size() - 1));
            if (next.stream().noneMatch(g -> g.kind() == kind)) {
                next.add(goal(kind, second));
            }
            version(life, planId, ++number, second, pip, next, second);
            current = next;
            lastAdoption = second;
        }
        if (adoptedYet && draw.chance(12)) {
            version(life, planId, ++number, null, pip, current, life.today.minusDays(draw.between(0, 30)));
        }
        if (!adoptedYet) {
            return;
        }
        progress(life, planId, current, lastAdoption);
        reviews(life, planId, current, adopted);
        for (String place : PLACES) {
            if (draw.chance(30)) {
                t.wegwijs.value(life.municipality())
                    .value(life.id())
                    .value(place)
                    .value(draw.day(started, life.today))
                    .endRow();
            }
        }
    }

    private Goal goal(String[] kind, LocalDate from) {
        List<UUID> actions = new ArrayList<>();
        int count = draw.between(1, 2);
        for (int i = 0; i < count; i++) {
            actions.add(draw.uuid());
        }
        return new Goal(draw.uuid(), kind, actions, draw.chance(70) ? from.plusMonths(draw.between(6, 24)) : null);
    }

    private void version(Life life, UUID planId, int number, @Nullable LocalDate adoptedOn, boolean pip,
            List<Goal> goals, LocalDate created) {
        UUID id = draw.uuid();
        boolean adopted = adoptedOn != null;
        t.planVersion.value(id)
            .value(life.municipality())
            .value(planId)
            .value(number)
            .value(adopted ? "ADOPTED" : "DRAFT")
            .value(adoptedOn)
            .value(adopted ? life.caseworker.name() : null)
            .at(adoptedOn)
            .value(pip ? "Leerroute " + life.route + " binnen de inburgeringstermijn van drie jaar." : null)
            .value(pip ? "Maatschappelijke begeleiding en een vaste klantmanager." : null)
            .value(pip ? "PVT in het eerste halfjaar; MAP naast de lessen." : null)
            .value((String) null)
            .value(pip && life.permitHolder() ? "Ontzorgen de eerste zes maanden." : null)
            .value((String) null)
            .value(pip ? "Voortgangsgesprek elke drie maanden." : null)
            .value(adopted ? 1 : 0)
            .at(created)
            .endRow();
        int position = 1;
        int actionPosition = 1;
        for (Goal goal : goals) {
            t.planGoal.value(life.municipality())
                .value(id)
                .value(goal.id())
                .value(goal.kind()[0])
                .value(goal.kind()[1])
                .value(goal.target())
                .value(position++)
                .endRow();
            for (UUID action : goal.actions()) {
                t.planAction.value(life.municipality())
                    .value(id)
                    .value(action)
                    .value(goal.id())
                    .value(goal.kind()[2])
                    .value(draw.pick(WHO))
                    .value(draw.chance(60) ? created.plusMonths(draw.between(1, 6)) : null)
                    .value(actionPosition++)
                    .endRow();
            }
        }
    }

    private void progress(Life life, UUID planId, List<Goal> goals, LocalDate from) {
        for (Goal goal : goals) {
            if (draw.chance(80)) {
                int draw100 = draw.between(0, 99);
                String status = draw100 < 20 ? "OPEN"
                        : draw100 < 55 ? "ON_TRACK" : draw100 < 75 ? "AT_RISK" : draw100 < 93 ? "ACHIEVED" : "DROPPED";
                t.goalProgress.value(life.municipality())
                    .value(planId)
                    .value(goal.id())
                    .value(status)
                    .value(status.equals("DROPPED") ? "Past niet meer bij de situatie." : null)
                    .value(draw.day(from, life.today))
                    .endRow();
            }
            for (UUID action : goal.actions()) {
                if (draw.chance(40)) {
                    t.actionProgress.value(life.municipality())
                        .value(planId)
                        .value(action)
                        .value(draw.day(from, life.today))
                        .endRow();
                }
            }
        }
    }

    private void reviews(Life life, UUID planId, List<Goal> goals, LocalDate adopted) {
        LocalDate due = adopted.plusMonths(3);
        boolean lapses = draw.chance(15);
        LocalDate stopAfter = lapses ? draw.day(adopted, life.today) : life.today;
        List<LocalDate> held = new ArrayList<>();
        while (true) {
            LocalDate on = due.plusDays(draw.between(-14, 21));
            if (on.isAfter(life.today) || on.isAfter(stopAfter)) {
                break;
            }
            held.add(on);
            due = on.plusMonths(3);
        }
        for (int i = 0; i < held.size(); i++) {
            LocalDate on = held.get(i);
            UUID review = draw.uuid();
            t.review.value(review)
                .value(life.municipality())
                .value(planId)
                .value(on)
                .value(draw.pick(List.of("Gaat goed; lessen worden gevolgd.", "Meer contact met de buurt nodig.",
                        "Zoekt werk; cv is klaar.", "Lessen tijdelijk gestopt door gezondheid.")))
                .value(on.plusMonths(3))
                .value(life.caseworker.name())
                .at(on)
                .endRow();
            // the goals' statuses of the last two reviews (older ones are history nobody
            // reads)
            if (i >= held.size() - 2) {
                for (Goal goal : goals) {
                    t.reviewGoal.value(life.municipality())
                        .value(review)
                        .value(goal.id())
                        .value(draw.pick(List.of("OPEN", "ON_TRACK", "ON_TRACK", "AT_RISK")))
                        .endRow();
                }
            }
        }
    }

}
