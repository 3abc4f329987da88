package nl.meedoen.datagen;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.meedoen.datagen.Offices.Provision;
import org.jspecify.annotations.Nullable;

/**
 * Work and income, children's education, referrals and the person's network: income
 * periods (social assistance from housing for most permit holders, paid work found at a
 * rate that grows with the months since arrival as in the CBS cohorts, long-term
 * assistance among established migrants), the work situation with its route to work,
 * school, childcare and VVE per child, referrals in every state with their steps and the
 * partner's answer, volunteering, match requests and buddy matches with meetings and
 * check-ins, and network contacts.
 */
final class LifeFacts {

    private static final List<String> STATES = List.of("DRAFT", "SENT", "ACCEPTED", "DECLINED", "STARTED", "COMPLETED",
            "DROPPED_OUT", "WITHDRAWN");

    private static final int[] STATE_WEIGHTS = { 5, 10, 9, 7, 24, 31, 9, 5 };

    private static final List<String> CONTACT_KINDS = List.of("FAMILY", "FRIEND", "BUDDY", "SIMILAR_BACKGROUND",
            "CLUB");

    private static final List<String> CONTACT_NAMES = List.of("Buurvrouw Anneke", "Neef Karim", "Tante Layla",
            "Collega Jeroen", "Amina van de moskee", "Trainer Bas", "Vriendin Sara", "Broer Yusuf", "Kerkkoor Ingrid",
            "Oud-klasgenoot Dawit", "Buurman Henk", "Nicht Hiba");

    private final FactTables t;

    private final Draw draw;

    LifeFacts(FactTables tables, Draw draw) {
        this.t = tables;
        this.draw = draw;
    }

    void income(Life life) {
        LocalDate registered = life.registered();
        if (life.age < 18 || life.age > 66) {
            if (life.age > 66) {
                period(life, "OTHER", registered, null);
            }
            return;
        }
        if (life.age < 28 && draw.chance(life.established() ? 30 : 20)) {
            life.studying = true;
            period(life, "STUDY_FINANCE", life.notAfterToday(registered.plusMonths(draw.between(6, 24))), null);
            return;
        }
        if (life.newcomer() || life.person.category().name().equals("OTHER")) {
            boolean assisted = life.assistanceFrom != null
                    || draw.chance(life.person.category().name().equals("FAMILY_MIGRANT") ? 25 : 15);
            LocalDate from = life.assistanceFrom != null ? life.assistanceFrom : registered;
            long months = life.monthsSince(registered);
            double workChance = Math.min(55, Math.max(0, months - 9) * 1.15);
            LocalDate work = draw.chance(workChance) ? draw.day(registered.plusMonths(9), life.today) : null;
            if (assisted) {
                period(life, "SOCIAL_ASSISTANCE", from,
                        work != null && work.isAfter(from) && draw.chance(80) ? work : null);
            }
            if (work != null) {
                period(life, "WAGES", work, null);
                life.working = true;
            }
            workSituation(life, work != null, assisted && work == null && months > 12 && draw.chance(55));
            return;
        }
        int draw100 = draw.between(0, 99);
        if (draw100 < 55) {
            period(life, "WAGES", draw.day(registered, life.today.minusMonths(1)), null);
            life.working = true;
            workSituation(life, true, false);
        }
        else if (draw100 < 75) {
            period(life, "SOCIAL_ASSISTANCE", draw.day(registered, life.today.minusMonths(2)), null);
            workSituation(life, false, draw.chance(40));
        }
        else if (draw100 < 90) {
            period(life, "NONE", registered, null);
        }
        else {
            period(life, "OTHER", registered, null);
        }
    }

    private void period(Life life, String source, LocalDate from, @Nullable LocalDate until) {
        t.income.value(draw.uuid())
            .value(life.municipality())
            .value(life.id())
            .value(source)
            .value(from)
            .value(until)
            .at(from)
            .endRow();
    }

    private void workSituation(Life life, boolean paid, boolean route) {
        if (!paid && !route) {
            return;
        }
        t.work.value(life.municipality())
            .value(life.id())
            .value(paid ? String.format(java.util.Locale.ROOT, "%.1f", (double) draw.between(8, 38)) : null)
            .value(route ? draw.pick(List.of("Werkfit-traject bij het Werkplein", "Leerwerkplek in de zorg",
                    "Taal op de werkvloer, daarna bemiddeling")) : null)
            .value(0)
            .endRow();
    }

    void child(Life life) {
        if (life.age >= 18 || !draw.chance(85)) {
            return;
        }
        long months = life.person.dateOfBirth().until(life.today).toTotalMonths();
        boolean toddler = months >= 30 && months < 48;
        boolean vveIndication = toddler && draw.chance(45);
        boolean vve = toddler && draw.chance(vveIndication ? 75 : 45);
        String school = life.age >= 4
                ? (life.age >= 12 && life.monthsSince(life.registered()) < 24
                        ? "ISK " + life.office.municipality().name()
                        : (life.age >= 12 ? "Scholengemeenschap " : "Basisschool ") + draw
                            .pick(List.of("De Regenboog", "Het Kompas", "De Wilgen", "Oranje Nassau", "De Merwede")))
                : null;
        boolean isk = school != null && school.startsWith("ISK");
        t.childEducation.value(life.municipality())
            .value(life.id())
            .value(school)
            .value(life.age < 4 && draw.chance(40) ? "Kinderopvang " + life.office.municipality().name() : null)
            .value(vveIndication)
            .value(vve)
            .value(life.age < 7 && draw.chance(8))
            .value(isk)
            .value(isk && draw.chance(50))
            .value(isk && draw.chance(30))
            .value(0)
            .endRow();
    }

    /**
     * Zero to three referrals for a person with a plan, in every state of the lifecycle.
     */
    void referrals(Life life, LocalDate from, int count) {
        for (int i = 0; i < count; i++) {
            Provision provision = draw.pick(life.office.provisions());
            String state = STATES.get(draw.weighted(STATE_WEIGHTS));
            // later steps need time: the referral is made early enough for each step to
            // have its days
            int steps = switch (state) {
                case "DRAFT" -> 0;
                case "SENT", "WITHDRAWN" -> 1;
                case "ACCEPTED", "DECLINED" -> 2;
                case "STARTED" -> 3;
                default -> 4;
            };
            LocalDate latest = life.today.minusDays(steps * 20L);
            LocalDate created = draw.day(from.isBefore(latest) ? from : latest.minusDays(30), latest);
            UUID id = draw.uuid();
            LocalDate sent = steps >= 1 && !state.equals("WITHDRAWN") || state.equals("WITHDRAWN") && draw.chance(50)
                    ? created.plusDays(draw.between(0, 5)) : null;
            LocalDate answered = sent == null || steps < 2 ? null
                    : life.notAfterToday(sent.plusDays(draw.chance(80) ? draw.between(1, 14) : draw.between(15, 45)));
            LocalDate startedOn = answered == null || steps < 3 ? null
                    : life.notAfterToday(answered.plusDays(draw.between(3, 30)));
            LocalDate endedOn = startedOn == null || steps < 4 ? null
                    : life.notAfterToday(startedOn.plusDays(draw.between(20, 200)));
            LocalDate statusOn = endedOn != null ? endedOn
                    : startedOn != null ? startedOn : answered != null ? answered : sent != null ? sent : created;
            if (state.equals("WITHDRAWN")) {
                statusOn = life.notAfterToday((sent != null ? sent : created).plusDays(draw.between(1, 20)));
            }
            String reason = switch (state) {
                case "DECLINED" -> "Geen plaats vrij dit halfjaar.";
                case "DROPPED_OUT" -> "Niet meer gekomen na drie afspraken.";
                case "WITHDRAWN" -> "Past toch niet bij de vraag.";
                default -> null;
            };
            t.referral.value(id)
                .value(life.municipality())
                .value(life.id())
                .value(provision.id())
                .value(provision.partnerId())
                .value("Aanmelding voor " + provisionPurpose(provision))
                .array(List.of("NAME", "PHONE", "LANGUAGES"))
                .value(created)
                .value(created.plusYears(1))
                .value(state)
                .value(reason)
                .value(statusOn)
                .value(sent)
                .value(life.caseworker.id())
                .at(created)
                .value(steps + 1)
                .at(statusOn)
                .endRow();
            transition(life, id, null, "DRAFT", created, false, null);
            if (sent != null) {
                transition(life, id, "DRAFT", "SENT", sent, false, null);
            }
            if (answered != null) {
                transition(life, id, "SENT", state.equals("DECLINED") ? "DECLINED" : "ACCEPTED", answered, true,
                        state.equals("DECLINED") ? reason : null);
            }
            if (startedOn != null) {
                transition(life, id, "ACCEPTED", "STARTED", startedOn, true, null);
            }
            if (endedOn != null) {
                transition(life, id, "STARTED", state, endedOn, true, reason);
            }
            if (state.equals("WITHDRAWN")) {
                transition(life, id, sent != null ? "SENT" : "DRAFT", "WITHDRAWN", statusOn, false, reason);
            }
        }
    }

    private static String provisionPurpose(Provision provision) {
        return switch (provision.domain()) {
            case "LANGUAGE" -> "taalles";
            case "WORK_AND_INCOME" -> "begeleiding naar werk";
            case "OWN_NETWORK", "PARTICIPATION" -> "meedoen in de buurt";
            case "EDUCATION" -> "onderwijs";
            default -> "ondersteuning";
        };
    }

    private void transition(Life life, UUID referral, @Nullable String from, String to, LocalDate on, boolean partner,
            @Nullable String reason) {
        t.referralTransition.value(draw.uuid())
            .value(life.municipality())
            .value(referral)
            .value(from)
            .value(to)
            .value(on)
            .at(on)
            .value(partner ? null : life.caseworker.id())
            .value(partner ? "Contactpersoon partner" : life.caseworker.name())
            .value(partner ? "PARTNER" : "CASEWORKER")
            .value(reason)
            .endRow();
    }

    /**
     * An established migrant or former newcomer who volunteers, as a volunteer with their
     * person id.
     */
    void volunteer(Life life) {
        t.volunteer.value(draw.uuid())
            .value(life.municipality())
            .value(life.person.givenNames())
            .value(life.person.familyName())
            .value(life.id())
            .array(List.of("nl", life.person.languages().get(0)))
            .array(List.of("FLUENT", "NATIVE"))
            .array(List.of(life.person.countryOfBirth()))
            .value(draw.between(1, (1 << 21) - 1))
            .array(List.of(draw.chance(60) ? "BUDDY" : "LANGUAGE_BUDDY"))
            .value(draw.day(life.today.minusYears(2), life.today.minusDays(30)))
            .value(draw.between(1, 2))
            .value(true)
            .value(0)
            .endRow();
    }

    /**
     * A match request, matched to a volunteer of the municipality for most, with its log.
     */
    boolean buddy(Life life, LocalDate from) {
        UUID request = draw.uuid();
        String role = List.of("LANGUAGE_BUDDY", "LANGUAGE_BUDDY", "BUDDY", "BUDDY", "WORK_MENTOR", "PARENT_BUDDY")
            .get(draw.between(0, 5));
        LocalDate asked = draw.day(from, life.today);
        int draw100 = draw.between(0, 99);
        String status = draw100 < 70 ? "MATCHED" : draw100 < 94 ? "OPEN" : "WITHDRAWN";
        t.matchRequest.value(request)
            .value(life.municipality())
            .value(life.id())
            .value(role)
            .array(List.of("nl"))
            .array(List.of())
            .value(draw.between(1, (1 << 21) - 1))
            .value(status)
            .value(life.caseworker.id())
            .at(asked)
            .value(status.equals("OPEN") ? 0 : 1)
            .endRow();
        if (!status.equals("MATCHED")) {
            return false;
        }
        LocalDate proposed = life.notAfterToday(asked.plusDays(draw.between(3, 30)));
        int draw2 = draw.between(0, 99);
        String match = draw2 < 5 ? "PROPOSED" : draw2 < 10 ? "INTRODUCED" : draw2 < 62 ? "ACTIVE" : "ENDED";
        LocalDate introduced = match.equals("PROPOSED") ? null
                : life.notAfterToday(proposed.plusDays(draw.between(2, 14)));
        LocalDate started = introduced == null || match.equals("INTRODUCED") ? null
                : life.notAfterToday(introduced.plusDays(draw.between(0, 10)));
        LocalDate ended = match.equals("ENDED") ? life.notAfterToday(started.plusDays(draw.between(60, 400))) : null;
        UUID id = draw.uuid();
        t.buddyMatch.value(id)
            .value(life.municipality())
            .value(request)
            .value(life.id())
            .value(draw.pick(life.office.volunteers()))
            .value(role)
            .value(match)
            .value(draw.between(45, 95))
            .value(proposed)
            .value(introduced)
            .value(started)
            .value(ended)
            .value(ended == null ? null : draw.pick(List.of("Doel bereikt", "Vrijwilliger verhuisd", "Geen klik")))
            .value(match.equals("PROPOSED") ? 0 : match.equals("INTRODUCED") ? 1 : match.equals("ACTIVE") ? 2 : 3)
            .at(proposed)
            .endRow();
        if (started != null) {
            LocalDate end = ended != null ? ended : life.today;
            LocalDate logFrom = started.isBefore(end.minusMonths(6)) ? end.minusMonths(6) : started;
            // the module asks for a check-in the municipality's weeks (4) after the
            // start; some never get one
            boolean lapsed = ended == null && draw.chance(15);
            LocalDate checkInsUntil = lapsed ? started.minusDays(1) : end;
            for (LocalDate day = logFrom.plusWeeks(2); !day.isAfter(end); day = day.plusWeeks(2)) {
                log(life, id, "MEETING", day, draw.chance(50) ? 1.5 : 2.0);
            }
            for (LocalDate day = started.plusWeeks(4); !day.isAfter(checkInsUntil); day = day.plusWeeks(4)) {
                if (!day.isBefore(logFrom)) {
                    log(life, id, "CHECK_IN", day, 0);
                }
            }
        }
        return match.equals("ACTIVE") || match.equals("INTRODUCED");
    }

    private void log(Life life, UUID match, String kind, LocalDate on, double hours) {
        t.buddyLog.value(draw.uuid()).value(life.municipality()).value(match).value(kind).value(on);
        if (hours > 0) {
            t.buddyLog.decimal(hours);
        }
        else {
            t.buddyLog.value((String) null);
        }
        t.buddyLog.value(kind.equals("CHECK_IN") ? "Loopt goed." : null).at(on).endRow();
    }

    /** The person's own network: none to a handful of contacts, a few ended. */
    void contacts(Life life, int count, boolean club) {
        for (int i = 0; i < count; i++) {
            String kind = club && i == 0 ? "CLUB" : CONTACT_KINDS.get(draw.weighted(30, 30, 5, 25, 10));
            LocalDate since = draw.day(life.registered(), life.today);
            LocalDate ended = draw.chance(8) ? draw.day(since, life.today) : null;
            t.contact.value(draw.uuid())
                .value(life.municipality())
                .value(life.id())
                .value(kind)
                .value(draw.pick(CONTACT_NAMES))
                .value(since)
                .value(ended)
                .at(since)
                .endRow();
        }
    }

}
