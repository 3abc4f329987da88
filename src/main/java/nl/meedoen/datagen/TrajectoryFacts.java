package nl.meedoen.datagen;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The trajectories module's facts of a person: social guidance (6 months, some extended
 * by 3, closed with a handover), the civic-integration duty with its PIP deadlines
 * (computed as the module computes them under the default settings: 10 weeks after the
 * later of DUO's notice and the registration, 2 weeks after third-party information, a
 * 3-year integration period from the day after the PIP, the route switch within 18
 * months), the broad intake with its appointments and no-shows, exemptions, route
 * switches and step-downs, exam results per part (with the language levels they imply),
 * PVT, NT2 lesson hours and ontzorgen.
 */
final class TrajectoryFacts {

    private static final LocalDate WI2021 = LocalDate.of(2022, 1, 1);

    private static final List<String> SKILLS = List.of("READING", "LISTENING", "WRITING", "SPEAKING");

    private static final List<String> LEVELS = List.of("A0", "A1", "A2", "B1", "B2");

    private final FactTables t;

    private final Draw draw;

    TrajectoryFacts(FactTables tables, Draw draw) {
        this.t = tables;
        this.draw = draw;
    }

    void guidance(Life life) {
        LocalDate start = life.registered();
        LocalDate end = start.plusMonths(6);
        UUID id = draw.uuid();
        String extension = null;
        if (draw.chance(12) && end.minusWeeks(4).isBefore(life.today)) {
            extension = draw.chance(70) ? "APPROVED" : draw.chance(65) ? "REJECTED" : "PENDING";
        }
        if ("APPROVED".equals(extension)) {
            end = end.plusMonths(3);
        }
        boolean closed = end.isBefore(life.today.minusDays(draw.between(0, 40)));
        LocalDate closedOn = closed ? life.notAfterToday(end.plusDays(draw.between(-10, 20))) : null;
        String handover = closed ? (draw.chance(85) ? "LOCAL_POLICY" : "NO_FOLLOW_UP") : null;
        t.guidance.value(id)
            .value(life.municipality())
            .value(life.id())
            .value(start)
            .value(end)
            .value(closed ? "CLOSED" : "ACTIVE")
            .value(closedOn)
            .value(handover)
            .value("NO_FOLLOW_UP".equals(handover) ? "Zelfredzaam; geen verdere ondersteuning nodig." : null)
            .value(closed ? 2 : extension == null ? 0 : 1)
            .at(start)
            .endRow();
        if (extension != null) {
            LocalDate asked = start.plusMonths(5);
            boolean decided = !extension.equals("PENDING");
            t.guidanceExtension.value(draw.uuid())
                .value(life.municipality())
                .value(id)
                .value(3)
                .value("Nog niet zelfstandig genoeg in contact met instanties.")
                .value(extension)
                .value(life.caseworker.id())
                .at(asked)
                .value(decided ? life.caseworker.id() : null)
                .at(decided ? asked.plusDays(7) : null)
                .value(extension.equals("REJECTED") ? "Voortgang voldoende; afschalen naar lokaal beleid." : null)
                .endRow();
        }
        life.guidanceStart = start;
        life.guidanceClosedOn = closedOn;
        life.handover = handover;
        life.inTrajectory = true;
    }

    void duty(Life life) {
        LocalDate brp = life.registered();
        boolean wi2021 = !brp.isBefore(WI2021);
        LocalDate duo = life.notAfterToday(brp.plusDays(draw.between(5, 45)));
        LocalDate third = wi2021 && draw.chance(20) ? life.notAfterToday(duo.plusWeeks(draw.between(1, 12))) : null;
        LocalDate due = null;
        LocalDate adopted = null;
        String route = null;
        if (wi2021) {
            due = (duo.isAfter(brp) ? duo : brp).plusWeeks(10);
            if (third != null && third.plusWeeks(2).isAfter(due)) {
                due = third.plusWeeks(2);
            }
            if (due.isBefore(life.today) ? draw.chance(94) : draw.chance(12)) {
                adopted = draw.chance(75) ? draw.day(due.minusWeeks(5), due) : due.plusDays(draw.between(1, 70));
                adopted = life.notAfterToday(adopted.isBefore(duo) ? duo : adopted);
                route = life.age < 28 && draw.chance(35) ? "ONDERWIJS" : draw.chance(62) ? "B1" : "Z";
            }
        }
        LocalDate start = adopted == null ? null : adopted.plusDays(1);
        String level = "B1".equals(route) ? "B1" : null;
        LocalDate revised = null;
        if (start != null && "B1".equals(route) && life.monthsSince(start) > 14 && draw.chance(7)) {
            revised = draw.day(start.plusMonths(12), life.notAfterToday(start.plusMonths(30)));
            level = "A2";
            routeChange(life, "STEP_DOWN", revised, "B1", "B1", "A2",
                    "Na meer dan 600 uur NT2-les is B1 niet haalbaar gebleken.");
        }
        else if (start != null && life.monthsSince(start) > 6 && draw.chance(6)) {
            revised = draw.day(start.plusMonths(4), life.notAfterToday(start.plusMonths(17)));
            String to = "Z".equals(route) ? "B1" : "Z";
            routeChange(life, "SWITCH", revised, route, to, to.equals("B1") ? "B1" : null,
                    "De leerbaarheid en voortgang passen beter bij een andere route.");
            route = to;
            level = to.equals("B1") ? "B1" : null;
        }
        long months = start == null ? 0 : Math.max(0, life.monthsSince(start));
        double zCourse = "Z".equals(route) ? Math.min(800, months * draw.decimal(15, 30)) : 0;
        double zParticipation = "Z".equals(route) ? Math.min(800, months * draw.decimal(12, 28)) : 0;
        double mapHours = route != null && !route.equals("ONDERWIJS") ? Math.min(60, months * draw.decimal(0, 3)) : 0;
        t.duty.value(life.municipality())
            .value(life.id())
            .value(wi2021 ? "WI2021" : "WI2013")
            .value(duo)
            .value(brp)
            .value(third)
            .value(due)
            .value(adopted)
            .value(route)
            .value(start)
            .value(start == null ? null : start.plusYears(3).minusDays(1))
            .value(start == null ? null : start.plusMonths(18).minusDays(1))
            .value(level)
            .decimal(zCourse)
            .decimal(zParticipation)
            .decimal(mapHours)
            .value((int) Math.min(8, mapHours / 6))
            .value(revised)
            .value(revised == null ? 1 : 2)
            .endRow();
        life.inTrajectory = true;
        life.pipAdoptedOn = adopted;
        life.route = route;
        life.routeLevel = level;
        life.periodStart = start;
        life.periodEnd = start == null ? null : start.plusYears(3).minusDays(1);
        life.switchDeadline = start == null ? null : start.plusMonths(18).minusDays(1);
        if (wi2021) {
            intake(life, duo, adopted);
            pvt(life, duo);
            if (adopted != null && draw.chance(3)) {
                String part = List.of("KNM", "KNM", "LEARNING_ROUTE", "PVT", "MAP", "WHOLE_DUTY")
                    .get(draw.between(0, 5));
                t.exemption.value(draw.uuid())
                    .value(life.municipality())
                    .value(life.id())
                    .value(part)
                    .value(draw.chance(60) ? "VRIJSTELLING" : "ONTHEFFING")
                    .value(life.notAfterToday(adopted.plusMonths(draw.between(1, 12))))
                    .value("Besluit DUO op grond van medische keuring.")
                    .at(adopted)
                    .endRow();
            }
        }
    }

    private void routeChange(Life life, String kind, LocalDate on, String from, String to,
            @org.jspecify.annotations.Nullable String level, String reason) {
        t.routeChange.value(draw.uuid())
            .value(life.municipality())
            .value(life.id())
            .value(kind)
            .value(on)
            .value(from)
            .value(to)
            .value(level)
            .value(reason)
            .value(life.caseworker.id())
            .at(on)
            .endRow();
    }

    private void intake(Life life, LocalDate duo, @org.jspecify.annotations.Nullable LocalDate adopted) {
        LocalDate first = duo.plusDays(draw.between(7, 21));
        boolean done = adopted != null || first.plusWeeks(3).isBefore(life.today) && draw.chance(80);
        int noShows = draw.chance(9) ? (draw.chance(80) ? 1 : 2) : 0;
        boolean stuck = !done && noShows > 0;
        LocalDate on = first;
        for (int step = 1; step <= noShows; step++) {
            if (on.isAfter(life.today)) {
                break;
            }
            String consequence = step == 1 ? "WARNING" : step == 2 ? "FINE_PROPOSAL" : "SECOND_FINE_PROPOSAL";
            appointment(life, on, "NO_SHOW", step, consequence);
            on = on.plusDays(draw.between(7, 14));
        }
        LocalDate completed = null;
        if (stuck && draw.chance(50)) {
            // the no-show stands and nothing new is planned yet
        }
        else if (on.isAfter(life.today) || !done) {
            appointment(life, on.isAfter(life.today) ? on : life.today.plusDays(draw.between(1, 21)), "SCHEDULED", 0,
                    null);
        }
        else {
            appointment(life, on, "ATTENDED", 0, null);
            completed = life.notAfterToday(on.plusDays(draw.between(0, 14)));
            if (adopted != null && completed.isAfter(adopted)) {
                completed = adopted;
            }
        }
        t.intake.value(life.municipality())
            .value(life.id())
            .value(completed == null ? null : completed.minusDays(draw.between(0, 5)))
            .value(completed == null ? null
                    : draw.pick(List.of("Goed leerbaar", "Gemiddeld leerbaar", "Beperkt leerbaar")))
            .value(draw.pick(List.of("Basisschool in land van herkomst", "Middelbare school", "Hoger onderwijs",
                    "Geen formeel onderwijs")))
            .value(draw.pick(
                    List.of("Werkervaring in de bouw", "Werkervaring in de zorg", "Eigen winkel", "Geen betaald werk")))
            .value(completed)
            .value(completed)
            .value(1)
            .endRow();
    }

    private void appointment(Life life, LocalDate on, String outcome, int step,
            @org.jspecify.annotations.Nullable String consequence) {
        boolean recorded = !outcome.equals("SCHEDULED");
        t.intakeAppointment.value(draw.uuid())
            .value(life.municipality())
            .value(life.id())
            .value(on)
            .value(draw.pick(List.of("09:00", "10:30", "13:30", "15:00")))
            .value("Gemeentehuis " + life.office.municipality().name())
            .value(outcome)
            .value(step == 0 ? null : Integer.toString(step))
            .value(consequence)
            .value(consequence == null || consequence.equals("WARNING") ? null : "250")
            .value(recorded ? life.caseworker.id() : null)
            .at(recorded ? on : null)
            .at(on.minusDays(14))
            .endRow();
    }

    private void pvt(Life life, LocalDate duo) {
        long months = life.monthsSince(duo);
        String status = draw.chance(2) ? "EXEMPT" : months >= 8 && draw.chance(85) ? "COMPLETED"
                : months >= 2 && draw.chance(60) ? "IN_PROGRESS" : "NOT_STARTED";
        int sessions = status.equals("COMPLETED") ? 4 : status.equals("IN_PROGRESS") ? draw.between(1, 3) : 0;
        LocalDate day = duo.plusWeeks(draw.between(3, 10));
        for (int i = 0; i < sessions; i++) {
            t.pvtSession.value(draw.uuid())
                .value(life.municipality())
                .value(life.id())
                .value(life.notAfterToday(day))
                .decimal(3)
                .value(List.of("Vrijheid", "Gelijkwaardigheid", "Solidariteit", "Participatie").get(i))
                .at(life.notAfterToday(day))
                .endRow();
            day = day.plusWeeks(1);
        }
        t.pvt.value(life.municipality())
            .value(life.id())
            .value(status)
            .value(status.equals("COMPLETED") ? life.notAfterToday(day) : null)
            .value(sessions)
            .endRow();
    }

    /**
     * The language levels per skill over time (a test at the start, then an assessment
     * when the level rose or at least once a year, an exam for each B1 reached on the B1
     * route) and the KNM exam; some stop progressing.
     */
    void language(Life life, LocalDate from) {
        int target = "B1".equals(life.routeLevel) ? 3
                : "A2".equals(life.routeLevel) ? 2 : "Z".equals(life.route) ? 1 : 2;
        double monthsPerLevel = draw.decimal(5, 11) * ("Z".equals(life.route) ? 1.6 : 1);
        int stallAt = draw.chance(18) ? draw.between(1, target) : 99;
        int[] start = new int[4];
        for (int s = 0; s < 4; s++) {
            start[s] = draw.chance(70) ? 0 : 1;
        }
        for (int s = 0; s < 4; s++) {
            String skill = SKILLS.get(s);
            LocalDate on = from.plusDays(draw.between(0, 20));
            int level = start[s];
            double skillSpeed = monthsPerLevel * draw.decimal(0.8, 1.3);
            boolean exam = "B1".equals(life.route);
            int recorded = -1;
            LocalDate lastRecorded = on;
            while (!on.isAfter(life.today)) {
                // the first test, then an assessment when the level rose or a year went
                // by without
                if (on.isBefore(from.plusDays(21)) || level > recorded || !on.isBefore(lastRecorded.plusYears(1))) {
                    level(life, skill, level, on, on.isBefore(from.plusDays(21)) ? "TEST" : "TEACHER_ASSESSMENT");
                    recorded = level;
                    lastRecorded = on;
                }
                LocalDate next = on.plusMonths(6);
                int reached = Math.min(start[s] + (int) (from.until(next).toTotalMonths() / skillSpeed), 4);
                reached = Math.min(reached, Math.max(stallAt, start[s]));
                if (reached > level && level < target && reached >= target && exam && !next.isAfter(life.today)) {
                    LocalDate taken = next.minusDays(draw.between(0, 30));
                    if (draw.chance(25)) {
                        exam(life, skill, "B1", "FAILED", taken.minusMonths(2));
                    }
                    exam(life, skill, "B1", "PASSED", taken);
                    level(life, skill, target, taken, "EXAM");
                    level = target;
                    recorded = target;
                    lastRecorded = taken;
                    on = next.plusMonths(6);
                    continue;
                }
                level = Math.max(level, reached);
                on = next;
            }
        }
        if (life.periodStart != null && !"Z".equals(life.route) && life.monthsSince(life.periodStart) > 9
                && draw.chance(70)) {
            LocalDate taken = draw.day(life.periodStart.plusMonths(6), life.today);
            exam(life, "KNM", null, draw.chance(80) ? "PASSED" : "FAILED", taken);
        }
    }

    private void level(Life life, String skill, int level, LocalDate on, String source) {
        t.languageLevel.value(draw.uuid())
            .value(life.municipality())
            .value(life.id())
            .value(skill)
            .value(LEVELS.get(level))
            .value(on)
            .value(source)
            .at(on)
            .endRow();
    }

    private void exam(Life life, String part, @org.jspecify.annotations.Nullable String level, String result,
            LocalDate on) {
        t.exam.value(draw.uuid())
            .value(life.municipality())
            .value(life.id())
            .value(part)
            .value(level)
            .value(result)
            .value(on)
            .at(on)
            .endRow();
    }

    /** NT2 lesson entries per half year, and the total the trajectories module keeps. */
    void lessons(Life life, LocalDate from, String provider) {
        double total = 0;
        LocalDate until = from.plusMonths(6);
        LocalDate last = null;
        double perHalfYear = "Z".equals(life.route) ? draw.decimal(80, 180) : draw.decimal(140, 280);
        while (!until.isAfter(life.today) && total < 1600) {
            double hours = Math.round(perHalfYear * draw.decimal(0.7, 1.2) * 2) / 2.0;
            t.lessonEntry.value(draw.uuid())
                .value(life.municipality())
                .value(life.id())
                .value(until)
                .decimal(hours)
                .value(provider)
                .at(until)
                .endRow();
            total += hours;
            last = until;
            until = until.plusMonths(6);
        }
        if (last != null) {
            t.lessonHours.value(life.municipality()).value(life.id()).decimal(total).value(last).endRow();
        }
    }

    void ontzorgen(Life life, LocalDate assistanceStart) {
        t.ontzorgen.value(life.municipality())
            .value(life.id())
            .value(assistanceStart)
            .value(assistanceStart.plusMonths(draw.chance(90) ? 6 : 9))
            .value(true)
            .value(true)
            .value(true)
            .value(0)
            .endRow();
    }

    void caseworker(Life life, LocalDate since) {
        t.caseworker.value(life.municipality()).value(life.id()).value(life.caseworker.id()).value(since).endRow();
    }

}
