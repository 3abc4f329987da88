package nl.meedoen.exchange.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * The messages of the Haal Centraal BRP Personen API (version 2) that Meedoen sends and
 * reads: the query {@code RaadpleegMetBurgerservicenummer}, its answer {@code personen[]}
 * with the fields asked for, and its problem details. Fields Meedoen does not use are
 * ignored.
 */
public final class BrpMessages {

    private BrpMessages() {
    }

    /** The fields Meedoen asks for: what it compares and shows, nothing more. */
    static final List<String> FIELDS = List.of("burgerservicenummer", "naam", "geboorte", "geslacht", "verblijfplaats",
            "partners", "kinderen", "ouders");

    /** {@code POST /personen}: look up persons by BSN. */
    record Query(String type, List<String> burgerservicenummer, List<String> fields) {

        static Query byBsn(String bsn) {
            return new Query("RaadpleegMetBurgerservicenummer", List.of(bsn), FIELDS);
        }

        @Override
        public String toString() {
            return "Query[" + type + "]";
        }

    }

    /** The answer: the persons found, none when the register does not know the BSN. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Answer(@Nullable String type, @Nullable List<Persoon> personen) {
    }

    /** A person as the register answers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Persoon(@Nullable String burgerservicenummer, @Nullable Naam naam, @Nullable Geboorte geboorte,
            @Nullable Waarde geslacht, @Nullable Verblijfplaats verblijfplaats, @Nullable List<Verwant> partners,
            @Nullable List<Verwant> kinderen, @Nullable List<Verwant> ouders) {

        @Override
        public String toString() {
            return "Persoon[*]";
        }

    }

    /** A name: given names, the prefix and the family name proper. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Naam(@Nullable String voornamen, @Nullable String voorvoegsel, @Nullable String geslachtsnaam) {

        /** The family name with its prefix, as Meedoen keeps it ("van der Berg"). */
        public @Nullable String achternaam() {
            if (geslachtsnaam == null || geslachtsnaam.isBlank()) {
                return null;
            }
            return voorvoegsel == null || voorvoegsel.isBlank() ? geslachtsnaam.strip()
                    : voorvoegsel.strip() + " " + geslachtsnaam.strip();
        }

        @Override
        public String toString() {
            return "Naam[*]";
        }

    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Geboorte(@Nullable Datum datum) {
    }

    /**
     * A date of the register: {@code Datum} (a whole date in {@code datum}),
     * {@code JaarMaandDatum}, {@code JaarDatum} or {@code DatumOnbekend}, each with its
     * long form.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Datum(@Nullable String type, @Nullable String datum, @Nullable Integer jaar, @Nullable Integer maand,
            @Nullable String langFormaat) {
    }

    /** A coded value: its code and description. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Waarde(@Nullable String code, @Nullable String omschrijving) {
    }

    /**
     * Where the person lives: {@code Adres} (a Dutch address in {@code verblijfadres}),
     * {@code Locatie}, {@code VerblijfplaatsBuitenland} or
     * {@code VerblijfplaatsOnbekend}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Verblijfplaats(@Nullable String type, @Nullable Verblijfadres verblijfadres) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Verblijfadres(@Nullable String officieleStraatnaam, @Nullable String korteStraatnaam,
            @Nullable Integer huisnummer, @Nullable String huisletter, @Nullable String huisnummertoevoeging,
            @Nullable String postcode, @Nullable String woonplaats, @Nullable String locatiebeschrijving,
            @Nullable String regel1, @Nullable String regel2, @Nullable String regel3, @Nullable Waarde land) {

        @Override
        public String toString() {
            return "Verblijfadres[*]";
        }

    }

    /** A partner, child or parent. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Verwant(@Nullable String burgerservicenummer, @Nullable Naam naam, @Nullable Geboorte geboorte,
            @Nullable String ouderAanduiding) {

        @Override
        public String toString() {
            return "Verwant[*]";
        }

    }

    /** The register's problem details (RFC 7807 with its own {@code code}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Problem(@Nullable String type, @Nullable String title, @Nullable Integer status,
            @Nullable String detail, @Nullable String code, @Nullable List<InvalidParam> invalidParams) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InvalidParam(@Nullable String name, @Nullable String code, @Nullable String reason) {
    }

}
