package nl.meedoen.exchange.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.exchange.internal.BrpMessages.Datum;
import nl.meedoen.exchange.internal.BrpMessages.Naam;
import nl.meedoen.exchange.internal.BrpMessages.Persoon;
import nl.meedoen.exchange.internal.BrpMessages.Verblijfadres;
import nl.meedoen.exchange.internal.BrpMessages.Verwant;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.NotFoundException;
import nl.meedoen.residents.Bsn;
import nl.meedoen.residents.Gender;
import nl.meedoen.residents.ResidentCorrections;
import nl.meedoen.residents.ResidentCorrections.Address;
import nl.meedoen.residents.ResidentCorrections.Fact;
import nl.meedoen.residents.ResidentCorrections.Facts;
import nl.meedoen.residents.ResidentCorrections.Recorded;
import nl.meedoen.residents.Residents;
import nl.meedoen.residents.Residents.Resident;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;

/**
 * The population register lookup: asks the register for a BSN, compares what it says with
 * the file Meedoen keeps (or with an empty file when Meedoen has none the caller may
 * open) field by field, and takes over one field at a time when the caseworker says so,
 * never silently. The register is asked outside any transaction; a correction is the
 * residents module's change of the file, with its version.
 */
@Component
@EnableConfigurationProperties(BrpSettings.class)
public class BrpLookups {

    /** What is compared: the API's field names. */
    public enum Field {

        GIVEN_NAME("givenName", Fact.GIVEN_NAME), FAMILY_NAME("familyName", Fact.FAMILY_NAME),
        DATE_OF_BIRTH("dateOfBirth", Fact.DATE_OF_BIRTH), GENDER("gender", Fact.GENDER),
        ADDRESS("address", Fact.ADDRESS), HOUSEHOLD("household", null);

        private final String json;

        private final @Nullable Fact fact;

        Field(String json, @Nullable Fact fact) {
            this.json = json;
            this.fact = fact;
        }

        public String json() {
            return json;
        }

    }

    /**
     * One field side by side: Meedoen's value and the register's (ISO dates, gender as
     * {@code MALE}/{@code FEMALE}, an address as one line), whether they differ and
     * whether the register's value can be taken over.
     */
    public record Row(Field field, @Nullable String meedoen, @Nullable String brp, boolean differs,
            boolean applicable) {

        @Override
        public String toString() {
            return "Row[" + field + ", differs=" + differs + "]";
        }

    }

    /**
     * A partner, child or parent as the register knows them, and whether Meedoen's
     * household has them.
     */
    public record Relative(String relation, @Nullable String name, @Nullable String dateOfBirth,
            @Nullable UUID inHousehold) {

        @Override
        public String toString() {
            return "Relative[" + relation + "]";
        }

    }

    /**
     * A member of the file's household in Meedoen, and whether the register names them.
     */
    public record Member(UUID personId, String name, LocalDate dateOfBirth, boolean inRegister) {

        @Override
        public String toString() {
            return "Member[" + personId + "]";
        }

    }

    /**
     * The outcome: whether the register knows the BSN, the file compared (none: an empty
     * one), every field side by side, and the households.
     */
    public record Lookup(boolean found, @Nullable Recorded file, List<Row> rows, List<Relative> registerHousehold,
            List<Member> meedoenHousehold) {

        /** The rows whose values differ. */
        public List<Row> differences() {
            return rows.stream().filter(Row::differs).toList();
        }

        public @Nullable UUID personId() {
            return file == null ? null : file.personId();
        }

        @Override
        public String toString() {
            return "Lookup[found=" + found + "]";
        }

    }

    private static final Facts EMPTY = new Facts(null, null, null, null, new Address(null, null, null, null));

    private final BrpSettings settings;

    private final @Nullable HaalCentraalClient client;

    private final ResidentCorrections corrections;

    private final Residents residents;

    BrpLookups(BrpSettings settings, ObjectProvider<SslBundles> bundles, ResidentCorrections corrections,
            Residents residents) {
        this.settings = settings;
        this.corrections = corrections;
        this.residents = residents;
        if (settings.setUp()) {
            String bundle = settings.sslBundle();
            this.client = new HaalCentraalClient(settings,
                    bundle == null || bundle.isBlank() ? null : bundles.getObject().getBundle(bundle));
        }
        else {
            this.client = null;
        }
    }

    /** Whether the lookup is set up in this installation. */
    public boolean setUp() {
        return client != null;
    }

    /**
     * Looks the BSN up and compares it with the file of that BSN the caller may open, or
     * with an empty file. A BSN that fails the eleven test answers 400 (field
     * {@code bsn}) before the register is asked.
     */
    public Lookup lookup(String bsn) {
        String valid = valid(bsn, "bsn");
        HaalCentraalClient register = register();
        Optional<Recorded> file = corrections.withBsn(valid);
        return compare(register.person(valid, user()).orElse(null), file.orElse(null));
    }

    /**
     * Looks up the person of a file: by the file's BSN, or by {@code bsn} when the file
     * has none.
     */
    public Lookup lookupFor(UUID personId, @Nullable String bsn) {
        Recorded file = corrections.recorded(personId).orElseThrow(NotFoundException::new);
        String valid = bsnOf(file, bsn);
        return compare(register().person(valid, user()).orElse(null), file);
    }

    /**
     * Takes the register's value of one field over into the file, when the file is still
     * at {@code version}: the register is asked again, so what is taken over is what it
     * says now. A field that no longer differs or cannot be taken over answers 409.
     */
    public Lookup apply(UUID personId, @Nullable String bsn, Field field, int version) {
        Recorded file = corrections.recorded(personId).orElseThrow(NotFoundException::new);
        String valid = bsnOf(file, bsn);
        Persoon person = register().person(valid, user())
            .orElseThrow(() -> new ConflictException("exchange.brp.apply.notFound"));
        Row row = compare(person, file).rows()
            .stream()
            .filter(r -> r.field() == field)
            .findFirst()
            .orElseThrow(() -> new ConflictException("exchange.brp.apply.nothing"));
        if (field.fact == null || !row.applicable() || !row.differs()) {
            throw new ConflictException("exchange.brp.apply.nothing");
        }
        Recorded after = corrections.correct(personId, version, field.fact, facts(person));
        return compare(person, after);
    }

    private HaalCentraalClient register() {
        if (client == null) {
            throw BrpException.notSetUp();
        }
        return client;
    }

    private static String bsnOf(Recorded file, @Nullable String typed) {
        if (file.bsn() != null) {
            return file.bsn();
        }
        if (typed == null || typed.isBlank()) {
            throw new InvalidInputException("bsn", "exchange.brp.bsn.required");
        }
        return valid(typed, "bsn");
    }

    private static String valid(String bsn, String field) {
        return Bsn.parse(bsn)
            .map(Bsn::value)
            .orElseThrow(() -> new InvalidInputException(field, "exchange.brp.bsn.invalid"));
    }

    private static @Nullable String user() {
        return CurrentUser.current().map(CurrentUser::username).orElse(null);
    }

    private Lookup compare(@Nullable Persoon person, @Nullable Recorded file) {
        Facts mine = file == null ? EMPTY : file.facts();
        List<Row> rows = new ArrayList<>();
        Naam naam = person == null ? null : person.naam();
        rows.add(text(Field.GIVEN_NAME, mine.givenName(), naam == null ? null : tidy(naam.voornamen())));
        rows.add(text(Field.FAMILY_NAME, mine.familyName(), naam == null ? null : naam.achternaam()));
        rows.add(dateOfBirth(mine.dateOfBirth(), person));
        Gender gender = person == null ? null : gender(person);
        rows.add(new Row(Field.GENDER, mine.gender() == null ? null : mine.gender().name(),
                gender == null ? null : gender.name(), gender != null && gender != mine.gender(), gender != null));
        rows.add(address(mine.address(), person));
        List<Member> members = new ArrayList<>();
        List<Relative> relatives = new ArrayList<>();
        List<Resident> household = file == null || file.householdId() == null ? List.of()
                : residents.household(file.householdId())
                    .stream()
                    .filter(r -> !r.id().equals(file.personId()))
                    .toList();
        List<String> householdBsns = household.stream()
            .map(r -> residents.identity(r.id()).map(Residents.Identity::bsn).orElse(null))
            .toList();
        if (person != null) {
            relatives(relatives, "PARTNER", person.partners(), household, householdBsns);
            relatives(relatives, "CHILD", person.kinderen(), household, householdBsns);
            relatives(relatives, "PARENT", person.ouders(), household, householdBsns);
        }
        for (Resident member : household) {
            members.add(new Member(member.id(), member.name(), member.dateOfBirth(),
                    relatives.stream().anyMatch(r -> member.id().equals(r.inHousehold()))));
        }
        for (Relative relative : relatives) {
            if (relative.inHousehold() == null && !"PARENT".equals(relative.relation())) {
                rows.add(new Row(Field.HOUSEHOLD, null,
                        relative.relation() + ": " + Objects.requireNonNullElse(relative.name(), "?")
                                + (relative.dateOfBirth() == null ? "" : " (" + relative.dateOfBirth() + ")"),
                        true, false));
            }
        }
        return new Lookup(person != null, file, rows, relatives, members);
    }

    private static Row text(Field field, @Nullable String meedoen, @Nullable String brp) {
        return new Row(field, meedoen, brp, brp != null && !brp.equals(meedoen), brp != null);
    }

    private static Row dateOfBirth(@Nullable LocalDate meedoen, @Nullable Persoon person) {
        Datum datum = person == null || person.geboorte() == null ? null : person.geboorte().datum();
        String mine = meedoen == null ? null : meedoen.toString();
        LocalDate whole = wholeDate(datum);
        if (whole != null) {
            return new Row(Field.DATE_OF_BIRTH, mine, whole.toString(), !whole.equals(meedoen), true);
        }
        String partial = partialDate(datum);
        return new Row(Field.DATE_OF_BIRTH, mine, partial, partial != null, false);
    }

    private static @Nullable LocalDate wholeDate(@Nullable Datum datum) {
        if (datum == null || !"Datum".equals(datum.type()) || datum.datum() == null) {
            return null;
        }
        try {
            return LocalDate.parse(datum.datum());
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    /** A date the register knows only in part: its long form, else year and month. */
    private static @Nullable String partialDate(@Nullable Datum datum) {
        if (datum == null) {
            return null;
        }
        if (datum.langFormaat() != null && !datum.langFormaat().isBlank()) {
            return datum.langFormaat().strip();
        }
        if (datum.jaar() != null) {
            return datum.maand() == null ? String.valueOf(datum.jaar())
                    : String.format(Locale.ROOT, "%04d-%02d", datum.jaar(), datum.maand());
        }
        return null;
    }

    /** M and V; O (unknown) is no value. */
    private static @Nullable Gender gender(Persoon person) {
        if (person.geslacht() == null || person.geslacht().code() == null) {
            return null;
        }
        return switch (person.geslacht().code().strip().toUpperCase(Locale.ROOT)) {
            case "M" -> Gender.MALE;
            case "V" -> Gender.FEMALE;
            default -> null;
        };
    }

    private static Row address(Address mine, @Nullable Persoon person) {
        String meedoen = mine.empty() ? null : line(mine);
        if (person == null || person.verblijfplaats() == null) {
            return new Row(Field.ADDRESS, meedoen, null, false, false);
        }
        Address register = dutchAddress(person);
        if (register != null) {
            String brp = line(register);
            return new Row(Field.ADDRESS, meedoen, brp, !brp.equalsIgnoreCase(Objects.requireNonNullElse(meedoen, "")),
                    true);
        }
        Verblijfadres other = person.verblijfplaats().verblijfadres();
        String described = other == null ? null : joined(other.locatiebeschrijving(), other.regel1(), other.regel2(),
                other.regel3(), other.land() == null ? null : other.land().omschrijving());
        String brp = described == null ? person.verblijfplaats().type() : described;
        return new Row(Field.ADDRESS, meedoen, brp, brp != null, false);
    }

    /** The register's Dutch address ({@code Adres}) as the file keeps one. */
    private static @Nullable Address dutchAddress(Persoon person) {
        Verblijfadres a = person.verblijfplaats() == null ? null : person.verblijfplaats().verblijfadres();
        if (a == null || !"Adres".equals(person.verblijfplaats().type())) {
            return null;
        }
        String street = tidy(a.officieleStraatnaam()) != null ? tidy(a.officieleStraatnaam())
                : tidy(a.korteStraatnaam());
        StringBuilder number = new StringBuilder();
        if (a.huisnummer() != null) {
            number.append(a.huisnummer());
        }
        if (tidy(a.huisletter()) != null) {
            number.append(a.huisletter().strip());
        }
        if (tidy(a.huisnummertoevoeging()) != null) {
            number.append('-').append(a.huisnummertoevoeging().strip());
        }
        return new Address(street, number.isEmpty() ? null : number.toString(), postcode(a.postcode()),
                tidy(a.woonplaats()));
    }

    private static Facts facts(Persoon person) {
        Naam naam = person.naam();
        Datum datum = person.geboorte() == null ? null : person.geboorte().datum();
        Address address = dutchAddress(person);
        return new Facts(naam == null ? null : tidy(naam.voornamen()), naam == null ? null : naam.achternaam(),
                wholeDate(datum), gender(person), address == null ? EMPTY.address() : address);
    }

    private static void relatives(List<Relative> into, String relation, @Nullable List<Verwant> relatives,
            List<Resident> household, List<String> householdBsns) {
        if (relatives == null) {
            return;
        }
        for (Verwant relative : relatives) {
            if (relative == null) {
                continue;
            }
            String name = relative.naam() == null ? null
                    : joined(tidy(relative.naam().voornamen()), relative.naam().achternaam());
            Datum datum = relative.geboorte() == null ? null : relative.geboorte().datum();
            LocalDate born = wholeDate(datum);
            UUID match = null;
            for (int i = 0; i < household.size() && match == null; i++) {
                Resident member = household.get(i);
                boolean sameBsn = relative.burgerservicenummer() != null
                        && relative.burgerservicenummer().equals(householdBsns.get(i));
                boolean sameNameAndBirth = name != null && name.equalsIgnoreCase(member.name()) && born != null
                        && born.equals(member.dateOfBirth());
                if (sameBsn || sameNameAndBirth) {
                    match = member.id();
                }
            }
            into.add(new Relative(relation, name, born != null ? born.toString() : partialDate(datum), match));
        }
    }

    private static String line(Address a) {
        String street = joined(a.street(), a.houseNumber());
        String place = joined(a.postcode(), a.city());
        return street == null ? Objects.requireNonNullElse(place, "") : place == null ? street : street + ", " + place;
    }

    private static @Nullable String joined(@Nullable String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                joined.append(joined.isEmpty() ? "" : " ").append(part.strip());
            }
        }
        return joined.isEmpty() ? null : joined.toString();
    }

    private static @Nullable String postcode(@Nullable String value) {
        String tidied = tidy(value);
        if (tidied == null) {
            return null;
        }
        String compact = tidied.replace(" ", "").toUpperCase(Locale.ROOT);
        return compact.matches("[1-9][0-9]{3}[A-Z]{2}") ? compact.substring(0, 4) + " " + compact.substring(4) : tidied;
    }

    private static @Nullable String tidy(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
