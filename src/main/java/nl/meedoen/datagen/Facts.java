package nl.meedoen.datagen;

import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.datagen.Offices.Office;
import nl.meedoen.datagen.PersonFactory.SyntheticPerson;
import nl.meedoen.datagen.PersonFactory.Unit;
import org.postgresql.copy.CopyManager;

/**
 * What the modules know of the persons of a unit, in the proportions described in
 * {@code docs/scale.md}: housing for permit holders, social guidance, the integration
 * duty, plans, income, children, referrals, network and contacts. Ended files get none.
 */
final class Facts {

    private final FactTables tables = new FactTables();

    private final Draw draw;

    private final TrajectoryFacts trajectories;

    private final PlanFacts plans;

    private final LifeFacts lives;

    private final LocalDate today;

    Facts(Draw draw, LocalDate today) {
        this.draw = draw;
        this.today = today;
        this.trajectories = new TrajectoryFacts(tables, draw);
        this.plans = new PlanFacts(tables, draw);
        this.lives = new LifeFacts(tables, draw);
    }

    void add(Office office, Unit unit) {
        List<Life> lives = new ArrayList<>();
        for (SyntheticPerson person : unit.persons()) {
            if (person.endedOn() == null) {
                lives.add(new Life(person, office, office.caseworker(draw, person.teamId()), today));
            }
        }
        housing(office, lives);
        for (Life life : lives) {
            person(life);
        }
    }

    private void person(Life life) {
        boolean adult = life.age >= 18;
        if (!adult) {
            lives.child(life);
            return;
        }
        if (life.permitHolder() && life.registered().isAfter(today.minusYears(4)) && draw.chance(92)) {
            trajectories.guidance(life);
        }
        if (life.newcomer() && life.age <= 66 && life.registered().isAfter(LocalDate.of(2014, 1, 1))
                && draw.chance(85)) {
            trajectories.duty(life);
        }
        if (life.permitHolder() && life.assistanceFrom != null && life.pipAdoptedOn != null) {
            trajectories.ontzorgen(life, life.assistanceFrom);
        }
        if (life.pipAdoptedOn != null) {
            life.planFrom = life.pipAdoptedOn.minusDays(draw.between(0, 21));
        }
        else if ("LOCAL_POLICY".equals(life.handover) && life.guidanceClosedOn != null) {
            life.planFrom = life.guidanceClosedOn;
        }
        else if (life.established() ? draw.chance(6) : draw.chance(4)) {
            life.planFrom = draw.day(
                    life.registered().isAfter(today.minusYears(3)) ? life.registered() : today.minusYears(3),
                    today.minusDays(7));
            life.inTrajectory = true;
        }
        plans.plan(life);
        if (life.planFrom != null && (life.route != null || draw.chance(50))) {
            trajectories.language(life, life.periodStart != null ? life.periodStart : life.planFrom);
            if (life.route != null && !"ONDERWIJS".equals(life.route)) {
                trajectories.lessons(life, life.periodStart != null ? life.periodStart : life.planFrom,
                        "Taalhuis " + life.office.municipality().name());
            }
        }
        lives.income(life);
        if (life.planFrom != null) {
            lives.referrals(life, life.planFrom, draw.weighted(30, 40, 20, 10));
        }
        else if (draw.chance(3)) {
            lives.referrals(life, draw.day(today.minusYears(2), today.minusDays(1)), 1);
        }
        boolean volunteering = (life.established() || life.monthsSince(life.registered()) > 36) && draw.chance(4);
        if (volunteering) {
            lives.volunteer(life);
        }
        boolean wantsBuddy = life.newcomer() && life.registered().isAfter(today.minusYears(3)) ? draw.chance(12)
                : draw.chance(3);
        if (wantsBuddy) {
            lives.buddy(life, life.registered().isAfter(today.minusYears(2)) ? life.registered() : today.minusYears(2));
        }
        int contacts = life.established() && !life.working && draw.chance(35) ? draw.between(0, 1)
                : draw.weighted(10, 15, 25, 20, 15, 10, 5);
        lives.contacts(life, contacts, draw.chance(life.established() ? 12 : 18));
        if (life.inTrajectory || life.planFrom != null) {
            LocalDate since = life.guidanceStart != null ? life.guidanceStart
                    : life.route != null || life.planFrom == null ? life.registered() : life.planFrom;
            trajectories.caseworker(life, since);
        }
    }

    /**
     * COA's match and the placement with the key handover for the permit holders of a
     * unit housed in the last five years (a few recent matches not housed yet), and the
     * social assistance that starts with the housing.
     */
    private void housing(Office office, List<Life> lives) {
        List<Life> housed = new ArrayList<>();
        for (Life life : lives) {
            if (life.permitHolder() && life.registered().isAfter(today.minusYears(5))) {
                housed.add(life);
            }
        }
        if (housed.isEmpty()) {
            return;
        }
        LocalDate key = housed.get(0).registered().minusDays(draw.between(0, 10));
        LocalDate matched = key.minusDays(draw.between(20, 100));
        boolean waiting = key.isAfter(today.minusDays(45)) && draw.chance(40);
        if (waiting) {
            matched = today.minusDays(draw.between(10, 85));
        }
        UUID match = draw.uuid();
        UUID municipality = office.municipality().id();
        tables.housingMatch.value(match)
            .value(municipality)
            .value(matched)
            .value(matched.plusWeeks(10))
            .value(matched.plusWeeks(12))
            .value(housed.size() > 1 && draw.chance(30))
            .at(matched)
            .endRow();
        for (Life life : housed) {
            tables.housingMatchPerson.value(municipality).value(match).value(life.id()).endRow();
        }
        if (!waiting) {
            UUID placement = draw.uuid();
            SyntheticPerson head = housed.get(0).person;
            tables.housingPlacement.value(placement)
                .value(municipality)
                .value(key)
                .value(head.street() + " " + head.houseNumber() + ", " + head.postcode() + " " + head.city())
                .at(key)
                .endRow();
            for (Life life : housed) {
                tables.housingPlacementPerson.value(municipality).value(placement).value(life.id()).endRow();
            }
        }
        for (Life life : housed) {
            if (life.age >= 18 && draw.chance(88)) {
                life.assistanceFrom = key.plusDays(draw.between(0, 30));
                if (life.assistanceFrom.isAfter(today)) {
                    life.assistanceFrom = today;
                }
            }
        }
    }

    long send(CopyManager copy) throws SQLException, IOException {
        return tables.all.send(copy);
    }

    Map<String, Long> sent() {
        return tables.all.sent();
    }

}
