package nl.meedoen.datagen;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import nl.meedoen.datagen.MunicipalityRoster.Target;
import nl.meedoen.datagen.Origins.Origin;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.EndReason;
import nl.meedoen.residents.Gender;
import nl.meedoen.residents.HouseholdRole;
import nl.meedoen.residents.NameTokens;
import org.jspecify.annotations.Nullable;

/**
 * Makes synthetic persons, one living unit at a time: someone living alone, or a
 * household of a head with a partner and/or children (of any age, from babies to adult
 * children still at home). About one unit in five is a household, which puts about half
 * of all persons in a household. Members share origin, address and team; partners and
 * children of a permit holder often came later as family migrants; children born after
 * the family arrived were born in the Netherlands.
 */
final class PersonFactory {

    /**
     * One synthetic person, with the role in the household when the person is part of
     * one.
     */
    record SyntheticPerson(UUID id, UUID teamId, String givenNames, String familyName, LocalDate dateOfBirth,
            @Nullable Gender gender, Category category, @Nullable String bsn, @Nullable String vNumber,
            String countryOfBirth, String nationality, List<String> languages, @Nullable String phone,
            @Nullable String email, String street, String houseNumber, String postcode, String city,
            @Nullable LocalDate arrivalDate, LocalDate registrationDate, @Nullable LocalDate endedOn,
            @Nullable EndReason endReason, @Nullable HouseholdRole role) {
    }

    /** The persons living at one address; a household when {@code householdId} is set. */
    record Unit(List<SyntheticPerson> persons, @Nullable UUID householdId, @Nullable LocalDate since) {
    }

    static final double HOUSEHOLD_SHARE = 0.2;

    private static final int[] CHILD_COUNT_WEIGHTS = { 15, 20, 25, 20, 12, 5, 3 };

    private static final List<String> STREETS = List.of("Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsweg",
            "Julianalaan", "Beatrixstraat", "Merwedestraat", "Rivierdijk", "Lindelaan", "Prinses Irenestraat",
            "Wilhelminastraat", "Oranjelaan", "Burgemeester de Jonghplein", "Havenstraat", "Parallelweg",
            "Populierenlaan", "Eikenlaan", "Tulpstraat", "Rozenstraat", "Schoolstraat", "Kastanjelaan", "Industrieweg",
            "Polderweg", "Spoorstraat", "Van Goghstraat", "Rembrandtlaan", "Vermeerstraat", "Thorbeckelaan",
            "Graaf Willemlaan", "Baanhoek", "Zuidwijk", "Noordeinde", "Langendijk", "Singel");

    private static final String LETTERS = "ABCDEFGHJKLMNPRTVWXZ";

    private final SplittableRandom random;

    private final SyntheticNumbers numbers;

    private final LocalDate today;

    PersonFactory(SplittableRandom random, SyntheticNumbers numbers, LocalDate today) {
        this.random = random;
        this.numbers = numbers;
        this.today = today;
    }

    /** The next unit for a municipality, of at most {@code room} persons (at least 1). */
    Unit next(Target municipality, int room) {
        Origin origin = Origins.pick(random);
        Address address = address(municipality);
        UUID team = municipality.teams().get(random.nextInt(municipality.teams().size()));
        if (room < 2 || random.nextDouble() >= HOUSEHOLD_SHARE) {
            return new Unit(List.of(single(origin, address, team)), null, null);
        }
        return household(origin, address, team, room);
    }

    private SyntheticPerson single(Origin origin, Address address, UUID team) {
        boolean minor = random.nextInt(100) < 3;
        int age = minor ? 15 + random.nextInt(3) : Math.min(18 + (int) Math.abs(random.nextGaussian() * 16), 85);
        Gender gender = gender(random.nextInt(100) < 62);
        Category category = origin.category(random);
        LocalDate dateOfBirth = birthday(age);
        LocalDate arrival = arrival(category, dateOfBirth);
        Person person = new Person(origin, category, name(origin, gender), origin.family(random), dateOfBirth, gender,
                arrival, origin.country());
        LocalDate registration = registration(arrival, dateOfBirth);
        LocalDate endedOn = null;
        EndReason endReason = null;
        if (!minor && random.nextInt(100) < 5 && registration.isBefore(today)) {
            endedOn = registration.plusDays(random.nextLong(ChronoUnit.DAYS.between(registration, today) + 1));
            int reason = random.nextInt(100);
            endReason = reason < 70 ? EndReason.MOVED_AWAY : reason < 95 ? EndReason.FILE_CLOSED : EndReason.DECEASED;
        }
        return build(person, address, team, registration, endedOn, endReason, null);
    }

    private Unit household(Origin origin, Address address, UUID team, int room) {
        List<SyntheticPerson> members = new ArrayList<>();
        boolean headIsMan = random.nextInt(100) < 70;
        int headAge = Math.min(22 + (int) Math.abs(random.nextGaussian() * 14), 80);
        Category headCategory = origin.category(random);
        LocalDate headBirth = birthday(headAge);
        LocalDate headArrival = arrival(headCategory, headBirth);
        Gender headGender = gender(headIsMan);
        String headGiven = name(origin, headGender);
        String headFamily = origin.family(random);
        LocalDate since = registration(headArrival, headBirth);
        members.add(build(new Person(origin, headCategory, headGiven, headFamily, headBirth, headGender, headArrival,
                origin.country()), address, team, since, null, null, HouseholdRole.HEAD));

        int youngestParentAge = headAge;
        boolean partner = random.nextInt(100) < 75 && members.size() < room;
        if (partner) {
            int age = Math.max(18, headAge + (headIsMan ? -random.nextInt(8) : random.nextInt(8)));
            youngestParentAge = Math.min(headAge, age);
            Gender gender = gender(!headIsMan);
            Category category = followerCategory(headCategory);
            LocalDate birth = birthday(age);
            LocalDate arrival = followerArrival(headCategory, category, headArrival, birth);
            String family = random.nextInt(100) < 40 ? headFamily : origin.family(random);
            LocalDate registration = registration(arrival, birth);
            since = later(since, registration);
            members.add(build(new Person(origin, category, name(origin, gender), family, birth, gender, arrival,
                    origin.country()), address, team, registration, null, null, HouseholdRole.PARTNER));
        }

        int children = Origins.weighted(CHILD_COUNT_WEIGHTS, random);
        if (!partner && children == 0) {
            children = 1;
        }
        int maxChildAge = Math.max(0, youngestParentAge - 18);
        String childFamily = origin.country().equals("ER") && headIsMan ? headGiven.split(" ")[0] : headFamily;
        for (int i = 0; i < children && members.size() < room; i++) {
            int age = random.nextInt(maxChildAge + 1);
            Gender gender = gender(random.nextBoolean());
            LocalDate birth = birthday(age);
            Category category = followerCategory(headCategory);
            LocalDate arrival = followerArrival(headCategory, category, headArrival, birth);
            boolean bornHere = !birth.isBefore(headArrival);
            if (bornHere) {
                category = headCategory;
                arrival = null;
            }
            LocalDate registration = registration(arrival, birth);
            since = later(since, registration);
            members.add(build(
                    new Person(origin, category, name(origin, gender), childFamily, birth, gender, arrival,
                            bornHere ? "NL" : origin.country()),
                    address, team, registration, null, null, HouseholdRole.CHILD));
        }
        return new Unit(List.copyOf(members), uuid(), since);
    }

    /** What a person is before numbers, contact details and address are added. */
    private record Person(Origin origin, Category category, String given, String family, LocalDate birth,
            @Nullable Gender gender, @Nullable LocalDate arrival, String countryOfBirth) {
    }

    private record Address(String street, String houseNumber, String postcode, String city) {
    }

    private SyntheticPerson build(Person person, Address address, UUID team, LocalDate registration,
            @Nullable LocalDate endedOn, @Nullable EndReason endReason, @Nullable HouseholdRole role) {
        boolean newcomer = person.category() == Category.PERMIT_HOLDER || person.category() == Category.FAMILY_MIGRANT;
        String vNumber = random.nextInt(100) < (newcomer ? 85 : 10) ? numbers.nextVNumber() : null;
        boolean recent = person.arrival() != null && person.arrival().isAfter(today.minusMonths(6));
        String bsn = vNumber != null && recent && random.nextInt(100) < 25 ? null : numbers.nextBsn();
        int age = person.birth().until(today).getYears();
        String phone = age >= 16 && random.nextInt(100) < 75 ? String.format("06-%08d", random.nextInt(100_000_000))
                : null;
        String email = age >= 16 && random.nextInt(100) < 30 ? email(person) : null;
        String nationality = person.origin().country().equals("SY") && random.nextInt(100) < 4 ? "XX"
                : person.origin().country();
        return new SyntheticPerson(uuid(), team, person.given(), person.family(), person.birth(), person.gender(),
                person.category(), bsn, vNumber, person.countryOfBirth(), nationality,
                languages(person.origin(), person.category(), person.countryOfBirth()), phone, email, address.street(),
                address.houseNumber(), address.postcode(), address.city(), person.arrival(), registration, endedOn,
                endReason, role);
    }

    private List<String> languages(Origin origin, Category category, String countryOfBirth) {
        Set<String> languages = new LinkedHashSet<>();
        languages.add(Origins.pick(origin.mainLanguages(), random));
        for (String other : origin.otherLanguages()) {
            if (random.nextInt(100) < 20) {
                languages.add(other);
            }
        }
        if (countryOfBirth.equals("NL") || category == Category.ESTABLISHED_MIGRANT && random.nextInt(100) < 60) {
            languages.add("nl");
        }
        return List.copyOf(languages);
    }

    private String email(Person person) {
        String given = NameTokens.words(person.given()).get(0);
        String family = String.join("", NameTokens.words(person.family()));
        return given + "." + family + random.nextInt(100) + "@example.com";
    }

    private Address address(Target municipality) {
        int base = 1000 + Math.floorMod(municipality.code().hashCode() * 7919, 8_990);
        String postcode = (base + random.nextInt(10)) + " " + LETTERS.charAt(random.nextInt(LETTERS.length()))
                + LETTERS.charAt(random.nextInt(LETTERS.length()));
        int number = 1 + random.nextInt(240);
        int suffix = random.nextInt(100);
        String houseNumber = suffix < 8 ? number + "A"
                : suffix < 14 ? number + "-" + (1 + random.nextInt(4)) : Integer.toString(number);
        return new Address(Origins.pick(STREETS, random), houseNumber, postcode, municipality.name());
    }

    private String name(Origin origin, @Nullable Gender gender) {
        boolean man = gender == Gender.MALE || gender == null && random.nextBoolean();
        String first = man ? origin.man(random) : origin.woman(random);
        if (random.nextInt(100) < 15) {
            String second = man ? origin.man(random) : origin.woman(random);
            if (!second.equals(first)) {
                return first + " " + second;
            }
        }
        return first;
    }

    private @Nullable Gender gender(boolean man) {
        int draw = random.nextInt(1000);
        if (draw < 5) {
            return null;
        }
        if (draw < 7) {
            return Gender.OTHER;
        }
        return man ? Gender.MALE : Gender.FEMALE;
    }

    private LocalDate birthday(int age) {
        return today.minusYears(age).minusDays(1 + random.nextInt(364));
    }

    /**
     * When someone of this category arrived: recently for newcomers, long ago for
     * established migrants.
     */
    private LocalDate arrival(Category category, LocalDate birth) {
        int[] yearsAgo = switch (category) {
            case PERMIT_HOLDER -> new int[] { 0, 9 };
            case FAMILY_MIGRANT -> new int[] { 0, 7 };
            case ESTABLISHED_MIGRANT -> new int[] { 8, 35 };
            case OTHER -> new int[] { 0, 4 };
        };
        long from = yearsAgo[0] * 365L;
        long to = yearsAgo[1] * 365L;
        long ageDays = ChronoUnit.DAYS.between(birth, today);
        long daysAgo = Math.min(from + random.nextLong(to - from + 1), Math.max(ageDays - 1, 0));
        return today.minusDays(daysAgo);
    }

    private Category followerCategory(Category headCategory) {
        return headCategory == Category.PERMIT_HOLDER && random.nextBoolean() ? Category.FAMILY_MIGRANT : headCategory;
    }

    /**
     * Family migrants follow the permit holder six to thirty months later; everyone else
     * came together.
     */
    private LocalDate followerArrival(Category headCategory, Category category, LocalDate headArrival,
            LocalDate birth) {
        LocalDate arrival = headArrival;
        if (category != headCategory) {
            arrival = headArrival.plusMonths(6 + random.nextInt(25));
        }
        if (arrival.isAfter(today)) {
            arrival = today;
        }
        return arrival.isBefore(birth) ? birth : arrival;
    }

    private LocalDate registration(@Nullable LocalDate arrival, LocalDate birth) {
        LocalDate registration = (arrival != null ? arrival : birth).plusDays(random.nextInt(120));
        return registration.isAfter(today) ? today : registration;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * A version-4 UUID from the seeded random, so a seed gives the same ids every time.
     */
    private UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }

}
