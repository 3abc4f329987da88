package nl.meedoen.network.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.identity.DemoData;
import nl.meedoen.identity.Municipality;
import nl.meedoen.network.ContactKind;
import nl.meedoen.network.MatchStatus;
import nl.meedoen.network.VolunteerRole;
import nl.meedoen.network.internal.BuddyMatches;
import nl.meedoen.network.internal.BuddyMatches.LogKind;
import nl.meedoen.network.internal.Contacts;
import nl.meedoen.network.internal.LanguageLevel;
import nl.meedoen.network.internal.MatchRequests;
import nl.meedoen.network.internal.Volunteers;
import nl.meedoen.network.internal.Volunteers.Language;
import nl.meedoen.network.internal.WeekdayPart;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.Gender;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static nl.meedoen.network.internal.WeekdayPart.*;

/**
 * Demo volunteers for Sliedrecht: taalmaatjes, maatjes, work mentors and parent buddies
 * from the volunteer centre, the library and the churches, many of them migrants
 * themselves (three of them are established migrants in Meedoen, linked to their file);
 * three without a valid VOG. Some permit holders have a match request, with matches
 * proposed, introduced, active (one past its check-in) and ended, and a few contacts.
 */
@Component
@ConditionalOnProperty(name = "meedoen.demo", havingValue = "true")
class DemoNetwork implements DemoData {

    private record Demo(String given, String family, String organisation, String postcode, @Nullable Gender gender,
            List<Language> languages, List<String> countries, List<String> skills, List<String> interests,
            Set<WeekdayPart> availability, Set<VolunteerRole> roles, @Nullable Integer vogYearsAgo, int max) {
    }

    private static Language l(String code, LanguageLevel level) {
        return new Language(code, level);
    }

    private static final LanguageLevel N = LanguageLevel.NATIVE;

    private static final LanguageLevel F = LanguageLevel.FLUENT;

    private static final LanguageLevel B = LanguageLevel.BASIC;

    private static final String CENTRE = "Vrijwilligerscentrale Sliedrecht";

    private static final List<Demo> VOLUNTEERS = List.of(
            new Demo("Annemiek", "de Jong", CENTRE, "3361 AK", Gender.FEMALE, List.of(l("nl", N), l("en", F)),
                    List.of("NL"), List.of("lesgeven"), List.of("lezen", "wandelen"),
                    EnumSet.of(TUESDAY_MORNING, THURSDAY_MORNING), EnumSet.of(VolunteerRole.LANGUAGE_BUDDY), 1, 2),
            new Demo("Kees", "van der Linden", CENTRE, "3362 BC", Gender.MALE, List.of(l("nl", N)), List.of("NL"),
                    List.of("administratie", "fietsen repareren"), List.of("voetbal", "fietsen"),
                    EnumSet.of(MONDAY_EVENING, WEDNESDAY_EVENING), EnumSet.of(VolunteerRole.BUDDY), 2, 2),
            new Demo("Rahaf", "Al-Hamwi", "Taalhuis Bibliotheek Sliedrecht", "3363 EG", Gender.FEMALE,
                    List.of(l("ar", N), l("nl", F), l("en", B)), List.of("SY"), List.of("tolken"),
                    List.of("koken", "naaien"), EnumSet.of(MONDAY_MORNING, WEDNESDAY_AFTERNOON, FRIDAY_MORNING),
                    EnumSet.of(VolunteerRole.LANGUAGE_BUDDY, VolunteerRole.PARENT_BUDDY), 1, 3),
            new Demo("Yonas", "Tesfamariam", CENTRE, "3364 AB", Gender.MALE,
                    List.of(l("ti", N), l("am", F), l("nl", F)), List.of("ER"), List.of("techniek"),
                    List.of("voetbal", "hardlopen"), EnumSet.of(SATURDAY_MORNING, SUNDAY_AFTERNOON, TUESDAY_EVENING),
                    EnumSet.of(VolunteerRole.BUDDY, VolunteerRole.WORK_MENTOR), 0, 2),
            new Demo("Mehmet", "Yılmaz", "Stichting Welzijn Sliedrecht", "3362 CD", Gender.MALE,
                    List.of(l("tr", N), l("nl", N)), List.of("TR"), List.of("ondernemen", "boekhouding"),
                    List.of("muziek"), EnumSet.of(THURSDAY_EVENING), EnumSet.of(VolunteerRole.WORK_MENTOR), 2, 2),
            new Demo("Ingrid", "Bos", "Protestantse Gemeente Sliedrecht", "3361 GH", Gender.FEMALE,
                    List.of(l("nl", N), l("de", F)), List.of("NL"), List.of("opvoeding"),
                    List.of("zingen", "tuinieren"), EnumSet.of(MONDAY_AFTERNOON, WEDNESDAY_MORNING),
                    EnumSet.of(VolunteerRole.PARENT_BUDDY, VolunteerRole.LANGUAGE_BUDDY), 4, 2),
            new Demo("Samira", "Haddou", CENTRE, "3363 KL", Gender.FEMALE, List.of(l("ar", N), l("fr", F), l("nl", N)),
                    List.of("MA"), List.of("kinderopvang"), List.of("koken", "sport"),
                    EnumSet.of(TUESDAY_AFTERNOON, THURSDAY_AFTERNOON),
                    EnumSet.of(VolunteerRole.PARENT_BUDDY, VolunteerRole.BUDDY), 1, 2),
            new Demo("Farid", "Ahmadi", "Taalhuis Bibliotheek Sliedrecht", "3364 CE", Gender.MALE,
                    List.of(l("prs", N), l("fa", N), l("nl", F)), List.of("AF"), List.of("computerles"),
                    List.of("schaken", "cricket"), EnumSet.of(MONDAY_EVENING, SATURDAY_AFTERNOON),
                    EnumSet.of(VolunteerRole.LANGUAGE_BUDDY, VolunteerRole.BUDDY), 2, 2),
            new Demo("Olena", "Kovalenko", CENTRE, "3362 AL", Gender.FEMALE,
                    List.of(l("uk", N), l("ru", F), l("en", F), l("nl", B)), List.of("UA"), List.of("zorg"),
                    List.of("wandelen", "handwerken"), EnumSet.of(WEDNESDAY_EVENING, FRIDAY_AFTERNOON),
                    EnumSet.of(VolunteerRole.BUDDY), 1, 1),
            new Demo("Pieter", "Verhoeven", "Rotary Sliedrecht", "3361 PR", Gender.MALE,
                    List.of(l("nl", N), l("en", F)), List.of("NL"), List.of("sollicitatietraining", "netwerken"),
                    List.of("zeilen", "golf"), EnumSet.of(FRIDAY_MORNING), EnumSet.of(VolunteerRole.WORK_MENTOR), 2, 3),
            new Demo("Hodan", "Abdi", CENTRE, "3363 SO", Gender.FEMALE, List.of(l("so", N), l("nl", F), l("en", F)),
                    List.of("SO"), List.of("tolken"), List.of("koken", "lezen"),
                    EnumSet.of(MONDAY_MORNING, TUESDAY_MORNING),
                    EnumSet.of(VolunteerRole.LANGUAGE_BUDDY, VolunteerRole.PARENT_BUDDY), null, 2),
            new Demo("Gerrit", "Baars", "Voetbalvereniging Sliedrecht", "3364 VB", Gender.MALE, List.of(l("nl", N)),
                    List.of("NL"), List.of("training geven"), List.of("voetbal"),
                    EnumSet.of(WEDNESDAY_EVENING, SATURDAY_MORNING), EnumSet.of(VolunteerRole.BUDDY), 5, 2),
            new Demo("Aster", "Gebremedhin", CENTRE, "3362 ER", Gender.FEMALE, List.of(l("ti", N), l("nl", F)),
                    List.of("ER"), List.of("kapper"), List.of("koffieceremonie", "zingen"),
                    EnumSet.of(THURSDAY_MORNING, SATURDAY_AFTERNOON),
                    EnumSet.of(VolunteerRole.LANGUAGE_BUDDY, VolunteerRole.BUDDY), 1, 2),
            new Demo("Thomas", "Kraaijeveld", "Gemeente Sliedrecht", "3361 TK", Gender.MALE,
                    List.of(l("nl", N), l("en", F), l("es", B)), List.of("NL"), List.of("techniek", "baggerwerk"),
                    List.of("fietsen"), EnumSet.of(TUESDAY_EVENING), EnumSet.of(VolunteerRole.WORK_MENTOR), 1, 2));

    private final Residents residents;

    private final Volunteers volunteers;

    private final MatchRequests requests;

    private final BuddyMatches matches;

    private final Contacts contacts;

    private final JdbcClient jdbc;

    private final Clock clock;

    DemoNetwork(Residents residents, Volunteers volunteers, MatchRequests requests, BuddyMatches matches,
            Contacts contacts, JdbcClient jdbc, Clock clock) {
        this.residents = residents;
        this.volunteers = volunteers;
        this.requests = requests;
        this.matches = matches;
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Phase phase() {
        return Phase.NETWORK;
    }

    @Override
    public boolean presentIn(Municipality municipality) {
        return DemoData.hasRows(jdbc, "volunteer", municipality);
    }

    @Override
    public void seed(Municipality municipality) {
        LocalDate today = LocalDate.now(clock);
        List<UUID> ids = new ArrayList<>();
        for (Demo d : VOLUNTEERS) {
            ids.add(volunteers.register(new Volunteers.Draft(d.given(), d.family(), d.organisation(), null, null, null,
                    d.postcode(), null, d.gender(), d.languages(), d.countries(), d.skills(), d.interests(),
                    d.availability(), d.roles(),
                    d.vogYearsAgo() == null ? null : today.minusYears(d.vogYearsAgo()).minusMonths(2), d.max(), null)));
        }
        // Established migrants who volunteer themselves, linked to their file.
        List<Resident> established = residents.ofCategory(Category.ESTABLISHED_MIGRANT, 3);
        String[][] linked = { { "ar", "SY", "3362 GK" }, { "ti", "ER", "3363 AD" }, { "so", "SO", "3364 BN" } };
        for (int i = 0; i < established.size(); i++) {
            Resident r = established.get(i);
            String[] name = r.name().split(" ", 2);
            volunteers.register(new Volunteers.Draft(name[0], name.length > 1 ? name[1] : name[0], CENTRE, r.id(), null,
                    null, linked[i][2], null, null, List.of(l(linked[i][0], N), l("nl", F)), List.of(linked[i][1]),
                    List.of("tolken"), List.of("koken"), EnumSet.of(SATURDAY_MORNING, WEDNESDAY_AFTERNOON),
                    EnumSet.of(VolunteerRole.LANGUAGE_BUDDY, VolunteerRole.BUDDY), today.minusMonths(8), 2,
                    "Wil graag nieuwkomers uit de eigen taalgroep helpen."));
        }
        List<Resident> newcomers = residents.ofCategory(Category.PERMIT_HOLDER, 12);
        if (newcomers.size() >= 6) {
            match(newcomers.get(0), VolunteerRole.LANGUAGE_BUDDY, "ar", "SY", ids.get(2), MatchStatus.ACTIVE,
                    today.minusWeeks(10), true, null);
            match(newcomers.get(1), VolunteerRole.BUDDY, "ti", "ER", ids.get(3), MatchStatus.ACTIVE,
                    today.minusWeeks(7), false, null);
            match(newcomers.get(2), VolunteerRole.LANGUAGE_BUDDY, "prs", "AF", ids.get(7), MatchStatus.INTRODUCED,
                    today.minusWeeks(2), false, null);
            match(newcomers.get(3), VolunteerRole.PARENT_BUDDY, "ar", "SY", ids.get(6), MatchStatus.PROPOSED,
                    today.minusDays(3), false, null);
            match(newcomers.get(4), VolunteerRole.WORK_MENTOR, "ar", "SY", ids.get(4), MatchStatus.ENDED,
                    today.minusMonths(8), true, "Betaald werk gevonden bij een installatiebedrijf.");
            requests.request(newcomers.get(5).id(),
                    new MatchRequests.Draft(VolunteerRole.LANGUAGE_BUDDY, List.of("ti"), List.of("ER"),
                            List.of("zingen"), EnumSet.of(THURSDAY_MORNING), "3362 AB", Gender.FEMALE,
                            "Wil graag met een vrouw oefenen; heeft twee jonge kinderen."));
            if (newcomers.size() > 6) {
                requests.request(newcomers.get(6).id(),
                        new MatchRequests.Draft(VolunteerRole.BUDDY, List.of("ar"), List.of("SY"), List.of("voetbal"),
                                EnumSet.of(SATURDAY_MORNING), "3364 AC", null,
                                "Zoekt contact met een voetbalvereniging."));
            }
            contacts.add(newcomers.get(0).id(), ContactKind.FAMILY, "Broer in Dordrecht", null, today.minusYears(1));
            contacts.add(newcomers.get(0).id(), ContactKind.CLUB, "Trainer bij de voetbalvereniging", null,
                    today.minusMonths(2));
            contacts.add(newcomers.get(1).id(), ContactKind.SIMILAR_BACKGROUND, "Eritrese kerkgemeenschap",
                    "Gaat elke zondag", today.minusMonths(5));
        }
    }

    private void match(Resident person, VolunteerRole role, String language, String country, UUID volunteer,
            MatchStatus upTo, LocalDate proposed, boolean checkedIn, @Nullable String endReason) {
        UUID request = requests.request(person.id(), new MatchRequests.Draft(role, List.of(language), List.of(country),
                List.of("koken"), EnumSet.of(MONDAY_MORNING, WEDNESDAY_AFTERNOON), "3363 AB", null, null));
        UUID id = matches.propose(request, volunteer, proposed).id();
        int version = 0;
        if (upTo == MatchStatus.PROPOSED) {
            return;
        }
        version = matches.move(id, MatchStatus.INTRODUCED, proposed.plusDays(7), null, version).version();
        matches.log(id, LogKind.MEETING, proposed.plusDays(7), BigDecimal.ONE, "Kennismaking bij de bibliotheek.");
        if (upTo == MatchStatus.INTRODUCED) {
            return;
        }
        LocalDate started = proposed.plusDays(14);
        version = matches.move(id, MatchStatus.ACTIVE, started, null, version).version();
        for (int week = 1; week <= 4 && !started.plusWeeks(week).isAfter(LocalDate.now(clock)); week++) {
            matches.log(id, LogKind.MEETING, started.plusWeeks(week), new BigDecimal("1.5"),
                    week == 1 ? "Samen boodschappen gedaan en de weg gewezen." : null);
        }
        if (checkedIn) {
            matches.log(id, LogKind.CHECK_IN, started.plusWeeks(4), null, "Gaat goed; beiden willen doorgaan.");
        }
        if (upTo == MatchStatus.ENDED) {
            matches.move(id, MatchStatus.ENDED, started.plusMonths(6), endReason, version);
        }
    }

}
