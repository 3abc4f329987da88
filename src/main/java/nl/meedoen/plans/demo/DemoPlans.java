package nl.meedoen.plans.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import nl.meedoen.identity.DemoData;
import nl.meedoen.identity.Municipality;
import nl.meedoen.plans.ActionOwner;
import nl.meedoen.plans.Area;
import nl.meedoen.plans.AssessmentSource;
import nl.meedoen.plans.GoalStatus;
import nl.meedoen.plans.IncomeSource;
import nl.meedoen.plans.LanguageLevel;
import nl.meedoen.plans.Skill;
import nl.meedoen.plans.internal.Circumstances;
import nl.meedoen.plans.internal.Circumstances.ChildEducation;
import nl.meedoen.plans.internal.Circumstances.Work;
import nl.meedoen.plans.internal.LanguageProgress;
import nl.meedoen.plans.internal.PersonalPlan.Action;
import nl.meedoen.plans.internal.PersonalPlan.Goal;
import nl.meedoen.plans.internal.PersonalPlan.PipElements;
import nl.meedoen.plans.internal.PersonalPlans;
import nl.meedoen.plans.internal.PlanSettings;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo plans for Sliedrecht, when no language level is on record yet: for a share of the
 * adult permit holders, family migrants and established migrants a plan with goals and
 * actions on the spearheads and provisions, most of them adopted (some changed afterwards
 * into a second version), progress reviews every three months (for some the last one
 * longer ago, so a review is overdue), language levels per skill rising over time, NT2
 * lesson hours, income and work, the "wegwijs" checklist, and the education of the
 * children in their households.
 */
@Component
@ConditionalOnProperty(name = "meedoen.demo", havingValue = "true")
class DemoPlans implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoPlans.class);

    private static final int PERSONS = 35;

    private record Template(Area area, String goal, String action, ActionOwner who) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template(Area.LANGUAGE, "Nederlands spreken op niveau A2",
                    "Taalles bij Taalschool De Brug, drie ochtenden per week", ActionOwner.PARTNER),
            new Template(Area.LANGUAGE, "Een brief van de gemeente zelf kunnen lezen",
                    "Elke week oefenen met een taalmaatje", ActionOwner.VOLUNTEER),
            new Template(Area.NORMS_AND_VALUES, "Het participatieverklaringstraject afronden",
                    "Aanmelden voor de PVT-bijeenkomsten", ActionOwner.CASEWORKER),
            new Template(Area.NORMS_AND_VALUES, "Weten hoe de school en de ouders samenwerken",
                    "Ouderavond op school bezoeken", ActionOwner.PERSON),
            new Template(Area.LIVING_ENVIRONMENT, "Zelf de huisarts, apotheek en gemeentewinkel vinden",
                    "Samen een wandeling langs de voorzieningen maken", ActionOwner.VOLUNTEER),
            new Template(Area.LIVING_ENVIRONMENT, "Zelf een bus- of treinreis plannen",
                    "Uitleg over de reisplanner en de OV-chipkaart", ActionOwner.CASEWORKER),
            new Template(Area.OWN_NETWORK, "Contact met een buddy uit de eigen gemeenschap",
                    "Kennismaking met een buddy regelen", ActionOwner.CASEWORKER),
            new Template(Area.WORK_AND_INCOME, "Werkervaring opdoen via de Sociale Dienst Drechtsteden",
                    "Intakegesprek bij het werkgeverservicepunt", ActionOwner.PARTNER),
            new Template(Area.WORK_AND_INCOME, "Een betaalde baan van minstens 16 uur per week",
                    "Cv maken en twee sollicitaties per maand", ActionOwner.PERSON),
            new Template(Area.EDUCATION, "Diploma's laten waarderen", "Aanvraag bij IDW indienen", ActionOwner.PERSON),
            new Template(Area.PARTICIPATION, "Vrijwilligerswerk bij de voedselbank", "Kennismaken bij de voedselbank",
                    ActionOwner.PERSON),
            new Template(Area.HELP_AND_SUPPORT, "Geldzaken zelf regelen", "Budgetcursus bij het sociaal team",
                    ActionOwner.PARTNER),
            new Template(Area.SPORT_AND_CULTURE, "Lid worden van een sportvereniging", "Proefles bij de zwemvereniging",
                    ActionOwner.PERSON));

    private static final String[] REVIEW_NOTES = { "Gaat goed. Volgt de lessen trouw en spreekt al meer Nederlands.",
            "Was een tijd ziek; de taalles is weer opgepakt.",
            "Heeft zelf contact gezocht met de voedselbank. Trots op de eerste stappen.",
            "Kinderopvang is nog niet geregeld; daardoor minder lesuren. Samen naar oplossing gezocht." };

    private final Residents residents;

    private final PersonalPlans plans;

    private final LanguageProgress language;

    private final Circumstances circumstances;

    private final PlanSettings settings;

    private final JdbcClient jdbc;

    private final Clock clock;

    DemoPlans(Residents residents, PersonalPlans plans, LanguageProgress language, Circumstances circumstances,
            PlanSettings settings, JdbcClient jdbc, Clock clock) {
        this.residents = residents;
        this.plans = plans;
        this.language = language;
        this.circumstances = circumstances;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Phase phase() {
        return Phase.PLANS;
    }

    /** The demo plans are there once a language level is on record. */
    @Override
    public boolean presentIn(Municipality municipality) {
        return DemoData.hasRows(jdbc, "language_level", municipality);
    }

    @Override
    public void seed(Municipality municipality) {
        LocalDate today = LocalDate.now(clock);
        Random random = new Random(610);
        List<Resident> persons = new ArrayList<>();
        for (Category category : List.of(Category.PERMIT_HOLDER, Category.ESTABLISHED_MIGRANT,
                Category.FAMILY_MIGRANT)) {
            residents.ofCategory(category, 200)
                .stream()
                .filter(r -> Period.between(r.dateOfBirth(), today).getYears() >= 18)
                .limit(category == Category.PERMIT_HOLDER ? 18 : 6)
                .forEach(persons::add);
        }
        // The most recently registered permit holders have the demo trajectories (some
        // with an adopted PIP).
        List<Resident> recent = new ArrayList<>(residents.ofCategory(Category.PERMIT_HOLDER, 1000));
        Collections.reverse(recent);
        recent.stream()
            .filter(r -> Period.between(r.dateOfBirth(), today).getYears() >= 18)
            .filter(r -> !persons.contains(r))
            .limit(5)
            .forEach(persons::add);
        List<String> places = settings.current().wegwijsPlaces();
        int seeded = 0;
        for (Resident person : persons.subList(0, Math.min(PERSONS, persons.size()))) {
            seed(person, seeded++, today, random, places);
        }
        log.info("Demo data: personal plans for {} persons in {}", seeded, municipality.name());
    }

    private void seed(Resident person, int index, LocalDate today, Random random, List<String> places) {
        int monthsAgo = 4 + index % 11;
        boolean adopted = index % 5 != 4;
        // A plan that is still a draft was started recently; an adopted one has been
        // running for months.
        LocalDate wanted = adopted ? today.minusMonths(monthsAgo).minusDays(index) : today.minusWeeks(2 + index % 5);
        // A plan the trajectory already started keeps its own start.
        LocalDate start = plans.startOn(person.id(), wanted).startedOn();
        List<Goal> goals = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        int count = 3 + index % 3;
        for (int i = 0; i < count; i++) {
            Template t = TEMPLATES.get((index * 3 + i * 2) % TEMPLATES.size());
            Goal goal = plans.addGoal(person.id(), t.area(), t.goal(), start.plusMonths(6 + i * 3), null);
            actions.add(plans.addAction(person.id(), goal.id(), t.action(), t.who(), start.plusWeeks(4 + i * 2), null));
            goals.add(goal);
        }
        if (index % 4 == 1) {
            plans.changePip(person.id(),
                    new PipElements("B1-route, 3 jaar", "Maandelijks gesprek met de begeleider",
                            "PVT 12 uur, MAP 40 uur", null, "Eerste 6 maanden vaste lasten betaald uit de bijstand",
                            "Kinderopvang geregeld voor de lesochtenden", "Voortgangsgesprek elke 3 maanden"),
                    null);
        }
        LocalDate adoptedOn = start.plusWeeks(2);
        if (adopted && !adoptedOn.isAfter(today)) {
            plans.adopt(person.id(), adoptedOn, lock(person));
            // Reviews every three months; for every third person they stopped, so the
            // next one is overdue.
            boolean stopped = index % 3 == 0;
            LocalDate review = adoptedOn.plusMonths(3);
            int held = 0;
            while (!review.isAfter(today) && !(stopped && held == 1)) {
                Map<UUID, GoalStatus> statuses = new LinkedHashMap<>();
                for (int g = 0; g < goals.size(); g++) {
                    GoalStatus[] progress = { GoalStatus.ON_TRACK, GoalStatus.AT_RISK, GoalStatus.ACHIEVED,
                            GoalStatus.ON_TRACK };
                    statuses.put(goals.get(g).id(), progress[(index + g + held) % progress.length]);
                }
                plans.review(person.id(), review, REVIEW_NOTES[(index + held) % REVIEW_NOTES.length], statuses);
                held++;
                review = review.plusMonths(3);
            }
            if (index % 3 == 1 && goals.size() > 0) {
                // A change after adoption: a second version with a new goal.
                Goal extra = plans.addGoal(person.id(), Area.OWN_NETWORK,
                        "Zelf als vrijwilliger nieuwkomers wegwijs maken", today.plusMonths(6), null);
                plans.addAction(person.id(), extra.id(), "Aanmelden bij VluchtelingenWerk als maatje",
                        ActionOwner.PERSON, today.plusWeeks(4), null);
                if (index % 2 == 0) {
                    LocalDate again = today.minusDays(index % 7);
                    plans.adopt(person.id(), again.isBefore(adoptedOn) ? adoptedOn : again, lock(person));
                }
            }
            if (start.plusWeeks(5).isBefore(today)) {
                plans.markDone(person.id(), actions.get(0).id(), start.plusWeeks(5), 0);
            }
        }
        seedLanguage(person, start, today, index, random);
        seedIncome(person, start, today, index);
        seedWegwijs(person, places, start, today, index);
        seedChildren(person, index);
    }

    private void seedLanguage(Resident person, LocalDate start, LocalDate today, int index, Random random) {
        LocalDate on = start.plusWeeks(1);
        int[] level = { index % 2, index % 2, 0, index % 3 == 0 ? 1 : 0 };
        int step = 0;
        while (!on.isAfter(today)) {
            for (Skill skill : Skill.values()) {
                int l = Math.min(level[skill.ordinal()], LanguageLevel.B2.ordinal());
                language.record(person.id(), skill, LanguageLevel.values()[l], on, step == 0 ? AssessmentSource.TEST
                        : (step % 2 == 0 ? AssessmentSource.EXAM : AssessmentSource.TEACHER_ASSESSMENT));
                if (random.nextInt(3) > 0) {
                    level[skill.ordinal()]++;
                }
            }
            LocalDate until = on.plusMonths(4).isAfter(today) ? today : on.plusMonths(4);
            BigDecimal hours = BigDecimal.valueOf(80 + (index * 13 + step * 7) % 90);
            language.addLessonHours(person.id(), until, hours, "Taalschool De Brug");
            step++;
            on = on.plusMonths(4);
        }
    }

    private void seedIncome(Resident person, LocalDate start, LocalDate today, int index) {
        circumstances.recordIncome(person.id(), IncomeSource.SOCIAL_ASSISTANCE, start);
        if (index % 4 == 2 && start.plusMonths(3).isBefore(today)) {
            circumstances.recordIncome(person.id(), IncomeSource.WAGES, start.plusMonths(3));
            circumstances.recordWork(person.id(),
                    new Work(BigDecimal.valueOf(16 + index % 20),
                            "Werkfit-traject afgerond; nu parttime aan het werk in de logistiek."),
                    circumstances.workVersion(person.id()).orElse(null));
        }
        else {
            circumstances.recordWork(person.id(), new Work(BigDecimal.ZERO,
                    "Route naar werk bij de Sociale Dienst Drechtsteden: eerst taal, daarna werkervaringsplek."),
                    circumstances.workVersion(person.id()).orElse(null));
        }
    }

    private void seedWegwijs(Resident person, List<String> places, LocalDate start, LocalDate today, int index) {
        int known = Math.min(places.size(), 2 + index % (places.size() - 1));
        LocalDate on = start.plusMonths(1).isAfter(today) ? today : start.plusMonths(1);
        circumstances.recordWegwijs(person.id(), places, places.subList(0, known), on);
    }

    private void seedChildren(Resident person, int index) {
        for (Circumstances.Child child : circumstances.children(person.id())) {
            int age = child.age();
            ChildEducation education;
            if (age < 4) {
                education = new ChildEducation(null, "Peuteropvang De Kleine Wereld", true, index % 2 == 0, false,
                        false, false, false, "Ouder doet mee aan de voorleesochtend.");
            }
            else if (age >= 12) {
                education = new ChildEducation("ISK Dordrecht", null, false, false, false, true, true, true,
                        "Ouderavond ISK bezocht met tolk.");
            }
            else {
                education = new ChildEducation("Basisschool De Wilgen", null, false, false, index % 3 == 0, false,
                        false, true, "Helpt bij de schoolbibliotheek.");
            }
            circumstances.recordChild(person.id(), child.child().id(), education, child.version());
        }
    }

    /**
     * The lock of the person's plan as it stands: demo data adopts what it just drafted.
     */
    private int lock(Resident person) {
        return plans.find(person.id()).orElseThrow().version().lockVersion();
    }

}
