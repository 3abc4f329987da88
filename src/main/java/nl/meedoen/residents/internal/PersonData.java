package nl.meedoen.residents.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.meedoen.platform.web.LanguageNames;
import nl.meedoen.residents.Bsn;
import nl.meedoen.residents.Category;
import nl.meedoen.residents.Gender;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What a caseworker records about a person; the body of the API and the backing of the
 * forms. Input is tidied on the way in (spaces trimmed, BSN padded, codes in their
 * canonical case) and then validated.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@PersonData.Identified
@PersonData.ArrivesBeforeRegistration
public record PersonData(
        @NotBlank(message = "{person.givenName.required}") @Size(max = 200,
                message = "{person.name.tooLong}") @Nullable String givenName,
        @NotBlank(message = "{person.familyName.required}") @Size(max = 200,
                message = "{person.name.tooLong}") @Nullable String familyName,
        @NotNull(message = "{person.dateOfBirth.required}") @PastOrPresent(
                message = "{person.dateOfBirth.future}") @DateTimeFormat(
                        iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dateOfBirth,
        @Nullable Gender gender, @NotNull(message = "{person.category.required}") @Nullable Category category,
        @Nullable @ValidBsn String bsn,
        @Nullable @Pattern(regexp = "\\d{10}", message = "{person.vNumber.invalid}") String vNumber,
        @Nullable @IsoCountry String countryOfBirth, @Nullable @IsoCountry String nationality,
        @Nullable @Size(max = 12,
                message = "{person.languages.tooMany}") @IsoLanguages @LanguageNames List<String> languages,
        @Nullable @Pattern(regexp = "\\+?[0-9 ()-]{6,20}", message = "{person.phone.invalid}") String phone,
        @Nullable @Email(message = "{person.email.invalid}") @Size(max = 254,
                message = "{person.email.invalid}") String email,
        @Nullable @Size(max = 200, message = "{field.tooLong}") String street,
        @Nullable @Size(max = 20, message = "{field.tooLong}") String houseNumber,
        @Nullable @Pattern(regexp = "[1-9][0-9]{3} [A-Z]{2}", message = "{person.postcode.invalid}") String postcode,
        @Nullable @Size(max = 100, message = "{field.tooLong}") String city,
        @Nullable @PastOrPresent(message = "{date.future}") @DateTimeFormat(
                iso = DateTimeFormat.ISO.DATE) LocalDate arrivalDate,
        @Nullable @PastOrPresent(message = "{date.future}") @DateTimeFormat(
                iso = DateTimeFormat.ISO.DATE) LocalDate registrationDate) {

    public PersonData {
        givenName = tidy(givenName);
        familyName = tidy(familyName);
        bsn = bsn == null || tidy(bsn) == null ? null : Bsn.normalise(bsn);
        vNumber = tidy(vNumber) == null ? null : vNumber.strip().replace(" ", "");
        countryOfBirth = upper(countryOfBirth);
        nationality = upper(nationality);
        languages = languages == null ? List.of()
                : languages.stream()
                    .map(PersonData::tidy)
                    .filter(l -> l != null)
                    .map(l -> l.toLowerCase(Locale.ROOT))
                    .distinct()
                    .toList();
        phone = tidy(phone);
        email = tidy(email);
        street = tidy(street);
        houseNumber = tidy(houseNumber);
        postcode = postcode(postcode);
        city = tidy(city);
    }

    /** An empty form. */
    public static PersonData empty() {
        return new PersonData(null, null, null, null, null, null, null, null, null, List.of(), null, null, null, null,
                null, null, null, null);
    }

    private static @Nullable String tidy(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static @Nullable String upper(@Nullable String value) {
        String tidied = tidy(value);
        return tidied == null ? null : tidied.toUpperCase(Locale.ROOT);
    }

    private static @Nullable String postcode(@Nullable String value) {
        String tidied = tidy(value);
        if (tidied == null) {
            return null;
        }
        String compact = tidied.replace(" ", "").toUpperCase(Locale.ROOT);
        return compact.matches("[1-9][0-9]{3}[A-Z]{2}") ? compact.substring(0, 4) + " " + compact.substring(4) : tidied;
    }

    /**
     * At least one of BSN and V-number: a permit holder who just arrived may have only
     * the V-number.
     */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = PersonRules.IdentifiedValidator.class)
    public @interface Identified {

        String message() default "{person.identification.required}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

    }

    /** Registration in the municipality cannot precede arrival in the Netherlands. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = PersonRules.ArrivalValidator.class)
    public @interface ArrivesBeforeRegistration {

        String message() default "{person.registrationDate.beforeArrival}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

    }
}
