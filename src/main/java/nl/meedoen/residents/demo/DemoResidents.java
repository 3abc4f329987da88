package nl.meedoen.residents.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.identity.DemoData;
import nl.meedoen.identity.Municipalities;
import nl.meedoen.identity.Municipality;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.Elfproef;
import nl.meedoen.residents.Gender;
import nl.meedoen.residents.HouseholdRole;
import nl.meedoen.residents.internal.Households;
import nl.meedoen.residents.internal.Households.Membership;
import nl.meedoen.residents.internal.Person;
import nl.meedoen.residents.internal.PersonData;
import nl.meedoen.residents.internal.PersonFiles;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Synthetic persons for the demo setup: families and single people from the countries
 * Dutch municipalities house permit holders from, family migrants, long-resident migrants
 * and others, registered through the same service a caseworker uses (so every one of them
 * has its entry in the processing log). All BSNs start with 9999 and all V-numbers with
 * 99: clearly synthetic, yet they pass the eleven test.
 */
@Component
@ConditionalOnProperty(name = "meedoen.demo", havingValue = "true")
class DemoResidents implements DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoResidents.class);

    /**
     * Where people come from: country, languages, given names (female, male) and family
     * names.
     */
    record Origin(String country, List<String> languages, List<String> female, List<String> male, List<String> family) {
    }

    static final Origin SYRIA = new Origin("SY", List.of("ar"),
            List.of("Fatima", "Aisha", "Rania", "Nour", "Lina", "Hala", "Reem", "Yara", "Dima", "Salma", "Rasha"),
            List.of("Mohammed", "Ahmad", "Omar", "Khaled", "Yousef", "Hassan", "Mahmoud", "Rami", "Bassam", "Fadi",
                    "Samer"),
            List.of("Al-Hassan", "Khalil", "Haddad", "Darwish", "Ibrahim", "Mansour", "Saleh", "Hamdan", "Al-Ahmad",
                    "Sulaiman", "Nasser", "Al-Khatib"));

    static final Origin SYRIA_KURDISH = new Origin("SY", List.of("ku", "ar"),
            List.of("Zozan", "Rojda", "Berivan", "Hevin"), List.of("Rezan", "Dilovan", "Azad", "Shervan"),
            List.of("Kurdi", "Hesen", "Ehmed", "Xelil"));

    static final Origin ERITREA = new Origin("ER", List.of("ti"),
            List.of("Helen", "Senait", "Rahwa", "Selam", "Mebrat", "Luwam", "Saba", "Feven", "Winta", "Hiwet"),
            List.of("Yonas", "Dawit", "Tesfay", "Mehari", "Filmon", "Berhane", "Samuel", "Robel", "Habtom", "Kibrom"),
            List.of("Tesfamariam", "Ghebreyesus", "Haile", "Tekle", "Kidane", "Berhe", "Woldu", "Asmerom", "Habte",
                    "Gebremedhin"));

    static final Origin AFGHANISTAN = new Origin("AF", List.of("prs", "ps"),
            List.of("Zahra", "Maryam", "Fatema", "Shabnam", "Parwana", "Nilofar", "Farzana", "Hosai", "Laila"),
            List.of("Ahmad", "Mohammad", "Farid", "Jawad", "Hamid", "Najib", "Sayed", "Mustafa", "Rahim", "Karim"),
            List.of("Ahmadi", "Rahimi", "Karimi", "Hashimi", "Noori", "Sultani", "Amiri", "Popal", "Safi", "Wardak"));

    static final Origin TURKEY = new Origin("TR", List.of("tr"),
            List.of("Ayşe", "Fatma", "Emine", "Zeynep", "Elif", "Hatice", "Özlem", "Derya", "Gül"),
            List.of("Mehmet", "Mustafa", "Ahmet", "Emre", "Murat", "Hasan", "Yusuf", "Burak", "İbrahim"),
            List.of("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan"));

    static final Origin YEMEN = new Origin("YE", List.of("ar"),
            List.of("Amal", "Huda", "Arwa", "Bushra", "Asma", "Samira", "Afrah"),
            List.of("Abdullah", "Saleh", "Nabil", "Waleed", "Majed", "Hamza", "Amr"),
            List.of("Al-Sanani", "Qasim", "Al-Adeni", "Saif", "Al-Hakimi", "Ba-Wazir", "Al-Maqtari"));

    static final Origin IRAN = new Origin("IR", List.of("fa"),
            List.of("Maryam", "Shirin", "Leila", "Niloufar", "Parisa", "Azadeh", "Roya", "Sara"),
            List.of("Reza", "Ali", "Hossein", "Mehdi", "Amir", "Saeed", "Dariush", "Kian"),
            List.of("Hosseini", "Mohammadi", "Rezaei", "Moradi", "Jafari", "Tehrani", "Ebrahimi", "Sadeghi"));

    static final Origin UKRAINE = new Origin("UA", List.of("uk", "ru"),
            List.of("Olena", "Iryna", "Nataliia", "Oksana", "Tetiana", "Yuliia", "Kateryna", "Svitlana"),
            List.of("Oleksandr", "Andrii", "Dmytro", "Serhii", "Mykola", "Yurii", "Bohdan", "Taras"),
            List.of("Shevchenko", "Kovalenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Boiko", "Oliinyk"));

    static final Origin SOMALIA = new Origin("SO", List.of("so"),
            List.of("Hodan", "Fadumo", "Amina", "Sahra", "Hawa", "Ayaan", "Nasra", "Ifrah"),
            List.of("Abdi", "Mohamed", "Abdirahman", "Hassan", "Ahmed", "Farah", "Omar", "Yusuf"),
            List.of("Warsame", "Farah", "Hussein", "Jama", "Osman", "Mohamud", "Abdullahi", "Egal"));

    static final Origin IRAQ = new Origin("IQ", List.of("ar", "ckb"),
            List.of("Zainab", "Shaima", "Noor", "Ruqaya", "Hanan", "Sura"),
            List.of("Haider", "Mustafa", "Ali", "Karrar", "Ammar", "Zaid"),
            List.of("Al-Jubouri", "Al-Obaidi", "Al-Tamimi", "Hamid", "Jabbar", "Kareem"));

    static final Origin MOROCCO = new Origin("MA", List.of("ar", "zgh"),
            List.of("Fatima", "Khadija", "Naima", "Malika", "Samira", "Hafsa", "Siham"),
            List.of("Mohamed", "Abdelkader", "Rachid", "Youssef", "Mustapha", "Said", "Hamid"),
            List.of("El Amrani", "Benali", "El Idrissi", "Bouzid", "Ait Ouali", "El Khattabi", "Ouali"));

    /** Where a municipality's demo residents live. */
    record Place(String city, List<String> streets, int postcodeFrom, int postcodeTo) {
    }

    static final Place SLIEDRECHT = new Place("Sliedrecht",
            List.of("Kerkbuurt", "Rivierdijk", "Stationsweg", "Thorbeckelaan", "Burgemeester Winklerlaan", "Middeldiep",
                    "Valkenhof", "Baanhoek", "Merelstraat", "Prinses Margrietlaan", "Deltalaan", "Lijsterstraat"),
            3361, 3364);

    static final Place DORDRECHT = new Place("Dordrecht",
            List.of("Voorstraat", "Spuiboulevard", "Krispijnseweg", "Dubbeldamseweg", "Merwedestraat",
                    "Bosboom Toussaintstraat", "Vrieseweg", "Reeweg-Oost", "Sterrenburgplein"),
            3311, 3319);

    /**
     * A municipality's demo population: where they live, the seed that makes it the same
     * each time, and the number of families.
     */
    record Population(Place place, long seed, int families) {
    }

    /** The demo populations by municipality code: Sliedrecht and Dordrecht. */
    static final Map<String, Population> POPULATIONS = Map.of("0610", new Population(SLIEDRECHT, 2019, 100), "0505",
            new Population(DORDRECHT, 505, 14));

    private final Municipalities municipalities;

    private final PersonFiles files;

    private final Households households;

    private final JdbcClient jdbc;

    private final Clock clock;

    DemoResidents(Municipalities municipalities, PersonFiles files, Households households, JdbcClient jdbc,
            Clock clock) {
        this.municipalities = municipalities;
        this.files = files;
        this.households = households;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Phase phase() {
        return Phase.PERSONS;
    }

    @Override
    public boolean appliesTo(Municipality municipality) {
        return POPULATIONS.containsKey(municipality.code());
    }

    @Override
    public boolean presentIn(Municipality municipality) {
        return DemoData.hasRows(jdbc, "person", municipality);
    }

    @Override
    public void seed(Municipality municipality) {
        Population population = POPULATIONS.get(municipality.code());
        Optional<UUID> east = municipalities.team(municipality.id(), DemoData.EAST_TEAM);
        List<UUID> teams = municipalities.teams(municipality.id())
            .stream()
            .filter(team -> east.isEmpty() || !team.equals(east.get()))
            .toList();
        Generator generator = new Generator(new Random(population.seed()), population.place(),
                teams.isEmpty() ? null : teams.get(0), east.orElse(null), municipality.code());
        int persons = generator.populate(population.families());
        log.info("Demo data: {} synthetic persons registered in {}", persons, municipality.name());
    }

    /** Makes families and single people, deterministically for a given seed. */
    final class Generator {

        private final Random random;

        private final Place place;

        private final @Nullable UUID mainTeam;

        /**
         * The second team, which gets every fourth household (all its members) when there
         * is one.
         */
        private final @Nullable UUID eastTeam;

        private @Nullable UUID team;

        private final LocalDate today = LocalDate.now(clock);

        private final Set<String> bsns = new HashSet<>();

        private final Set<String> vNumbers = new HashSet<>();

        private int bsnCursor;

        private int count;

        Generator(Random random, Place place, @Nullable UUID mainTeam, @Nullable UUID eastTeam,
                String municipalityCode) {
            this.random = random;
            this.place = place;
            this.mainTeam = mainTeam;
            this.eastTeam = eastTeam;
            this.team = mainTeam;
            this.bsnCursor = Integer.parseInt(municipalityCode) * 7;
        }

        int populate(int families) {
            for (int i = 0; i < families; i++) {
                team = teamOf(i);
                family();
            }
            for (int i = 0; i < families / 2; i++) {
                team = teamOf(i);
                single();
            }
            team = mainTeam;
            return count;
        }

        /**
         * Every fourth household is the second team's; the draws stay the same either
         * way.
         */
        private @Nullable UUID teamOf(int household) {
            return eastTeam != null && household % 4 == 3 ? eastTeam : mainTeam;
        }

        private void family() {
            double kind = random.nextDouble();
            Origin origin;
            Category category;
            int arrivalFrom;
            int arrivalTo;
            if (kind < 0.65) {
                origin = pick(List.of(SYRIA, SYRIA, SYRIA_KURDISH, ERITREA, AFGHANISTAN, AFGHANISTAN, YEMEN, IRAN,
                        SOMALIA, IRAQ, TURKEY));
                category = Category.PERMIT_HOLDER;
                arrivalFrom = 2014;
                arrivalTo = today.getYear();
            }
            else if (kind < 0.75) {
                origin = pick(List.of(TURKEY, MOROCCO, SYRIA, ERITREA));
                category = Category.FAMILY_MIGRANT;
                arrivalFrom = 2016;
                arrivalTo = today.getYear();
            }
            else if (kind < 0.92) {
                origin = pick(List.of(TURKEY, TURKEY, MOROCCO, MOROCCO, SOMALIA, IRAN, IRAQ));
                category = Category.ESTABLISHED_MIGRANT;
                arrivalFrom = 1986;
                arrivalTo = 2012;
            }
            else {
                origin = UKRAINE;
                category = Category.OTHER;
                arrivalFrom = 2022;
                arrivalTo = today.getYear();
            }
            LocalDate arrival = dateIn(arrivalFrom, arrivalTo);
            String familyName = pick(origin.family());
            String street = pick(place.streets());
            String houseNumber = Integer.toString(1 + random.nextInt(180));
            String postcode = postcode();
            int headAge = 24 + random.nextInt(36);
            boolean female = random.nextDouble() < 0.3;
            List<Membership> members = new ArrayList<>();
            Person head = register(origin, category, female, familyName, birthDate(headAge), arrival, street,
                    houseNumber, postcode, true);
            members.add(new Membership(head.id(), HouseholdRole.HEAD));
            if (random.nextDouble() < 0.75) {
                String partnerFamily = origin == ERITREA || origin == SOMALIA || origin == AFGHANISTAN
                        ? pick(origin.family()) : familyName;
                Person partner = register(origin, category, !female, partnerFamily,
                        birthDate(Math.max(19, headAge - 6 + random.nextInt(9))),
                        random.nextDouble() < 0.3 ? arrival.plusMonths(6 + random.nextInt(18)) : arrival, street,
                        houseNumber, postcode, true);
                members.add(new Membership(partner.id(), HouseholdRole.PARTNER));
            }
            int children = random.nextInt(Math.min(6, Math.max(1, headAge - 18)));
            for (int c = 0; c < children; c++) {
                int maxAge = Math.min(24, headAge - 19);
                int age = random.nextInt(Math.max(1, maxAge + 1));
                LocalDate born = birthDate(age);
                // A child born here has no arrival date; it is registered from birth.
                LocalDate childArrival = born.isAfter(arrival) ? null : arrival;
                Person child = register(origin, category, random.nextBoolean(), familyName, born, childArrival, street,
                        houseNumber, postcode, age >= 12);
                members.add(new Membership(child.id(), HouseholdRole.CHILD));
            }
            if (random.nextDouble() < 0.08) {
                Person grandparent = register(origin, category, random.nextBoolean(), familyName,
                        birthDate(62 + random.nextInt(20)), arrival, street, houseNumber, postcode, false);
                members.add(new Membership(grandparent.id(), HouseholdRole.OTHER));
            }
            households.create(members);
        }

        private void single() {
            Origin origin = pick(
                    List.of(ERITREA, ERITREA, SYRIA, AFGHANISTAN, SOMALIA, YEMEN, IRAN, TURKEY, MOROCCO, UKRAINE));
            Category category = origin == TURKEY || origin == MOROCCO ? Category.ESTABLISHED_MIGRANT
                    : origin == UKRAINE ? Category.OTHER : Category.PERMIT_HOLDER;
            LocalDate arrival = category == Category.ESTABLISHED_MIGRANT ? dateIn(1990, 2010)
                    : dateIn(2016, today.getYear());
            Person person = register(origin, category, random.nextDouble() < 0.35, pick(origin.family()),
                    birthDate(18 + random.nextInt(45)), arrival, pick(place.streets()),
                    Integer.toString(1 + random.nextInt(180)), postcode(), true);
            if (random.nextDouble() < 0.4) {
                households.create(List.of(new Membership(person.id(), HouseholdRole.HEAD)));
            }
        }

        private Person register(Origin origin, Category category, boolean female, String familyName, LocalDate born,
                @Nullable LocalDate arrival, String street, String houseNumber, String postcode, boolean contact) {
            boolean justArrived = category == Category.PERMIT_HOLDER && arrival != null
                    && arrival.isAfter(today.minusMonths(4));
            boolean onlyVNumber = justArrived && random.nextDouble() < 0.6;
            String bsn = onlyVNumber ? null : nextBsn();
            String vNumber = category == Category.PERMIT_HOLDER || category == Category.OTHER ? nextVNumber() : null;
            LocalDate registration = arrival == null ? born.plusDays(3 + random.nextInt(10))
                    : arrival.plusDays(14 + random.nextInt(200));
            if (registration.isAfter(today)) {
                registration = today;
            }
            List<String> languages = new ArrayList<>(
                    origin.languages().subList(0, 1 + random.nextInt(origin.languages().size())));
            if (random.nextDouble() < 0.35) {
                languages.add(random.nextDouble() < 0.7 ? "en" : "nl");
            }
            String given = pick(female ? origin.female() : origin.male());
            String phone = contact && random.nextDouble() < 0.8
                    ? String.format("+31 6 %04d %04d", random.nextInt(10000), random.nextInt(10000)) : null;
            PersonData data = new PersonData(given, familyName, born, female ? Gender.FEMALE : Gender.MALE, category,
                    bsn, vNumber, origin.country(),
                    category == Category.ESTABLISHED_MIGRANT && random.nextDouble() < 0.5 ? "NL" : origin.country(),
                    languages, phone, null, street, houseNumber, postcode, place.city(), arrival, registration);
            count++;
            return files.register(data, team);
        }

        private String nextBsn() {
            while (true) {
                bsnCursor = (bsnCursor + 1) % 100000;
                String candidate = String.format("9999%05d", bsnCursor);
                if (Elfproef.holds(candidate) && bsns.add(candidate)) {
                    return candidate;
                }
            }
        }

        private String nextVNumber() {
            while (true) {
                String candidate = String.format("99%08d", random.nextInt(100_000_000));
                if (vNumbers.add(candidate)) {
                    return candidate;
                }
            }
        }

        private String postcode() {
            int digits = place.postcodeFrom() + random.nextInt(place.postcodeTo() - place.postcodeFrom() + 1);
            char first = (char) ('A' + random.nextInt(26));
            char second = (char) ('A' + random.nextInt(26));
            return digits + " " + first + second;
        }

        private LocalDate birthDate(int age) {
            return today.minusYears(age).minusDays(random.nextInt(365));
        }

        private LocalDate dateIn(int fromYear, int toYear) {
            LocalDate from = LocalDate.of(fromYear, 1, 1);
            LocalDate to = LocalDate.of(toYear, 12, 31).isAfter(today) ? today : LocalDate.of(toYear, 12, 31);
            long days = to.toEpochDay() - from.toEpochDay();
            return from.plusDays(days <= 0 ? 0 : random.nextLong(days));
        }

        private <T> T pick(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }

    }

}
