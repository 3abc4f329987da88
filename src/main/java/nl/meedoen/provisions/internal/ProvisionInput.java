package nl.meedoen.provisions.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.IsoCodes;
import nl.meedoen.provisions.Domain;
import org.jspecify.annotations.Nullable;

/**
 * A provision as entered (form, API or a CSV row), before its rules are checked. The same
 * rules apply wherever it comes from.
 */
public record ProvisionInput(@Nullable String partnerId, @Nullable String name, @Nullable String description,
        @Nullable String domain, @Nullable String targetGroup, @Nullable List<String> languages, @Nullable String cost,
        @Nullable String accessibility, @Nullable String location, @Nullable String openingHours,
        @Nullable String howToApply, boolean active) {

    /**
     * The broken rules, each with its field and message key; empty when the input is a
     * valid provision.
     */
    public List<FieldError> problems(Predicate<UUID> partnerExists) {
        List<FieldError> errors = new ArrayList<>();
        UUID partner = uuid(partnerId);
        if (partner == null || !partnerExists.test(partner)) {
            errors.add(new FieldError("partnerId", "provisions.partner.unknown"));
        }
        required(errors, "name", name, 200);
        required(errors, "description", description, 2000);
        if (domain(domain) == null) {
            errors.add(new FieldError("domain", "provisions.domain.unknown"));
        }
        optional(errors, "targetGroup", targetGroup, 500);
        optional(errors, "cost", cost, 200);
        optional(errors, "accessibility", accessibility, 500);
        optional(errors, "location", location, 300);
        optional(errors, "openingHours", openingHours, 300);
        optional(errors, "howToApply", howToApply, 1000);
        if (languages != null && languages.stream().anyMatch(l -> l == null || !IsoCodes.isLanguage(normal(l)))) {
            errors.add(new FieldError("languages", "provisions.languages.unknown"));
        }
        return errors;
    }

    /**
     * The checked provision; throws {@link InvalidInputException} (400) when a rule is
     * broken.
     */
    public ProvisionData toData(Predicate<UUID> partnerExists) {
        List<FieldError> errors = problems(partnerExists);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        if (languages != null) {
            languages.forEach(l -> codes.add(normal(l)));
        }
        return new ProvisionData(UUID.fromString(partnerId.strip()), name.strip(), description.strip(), domain(domain),
                blankToNull(targetGroup), List.copyOf(codes), blankToNull(cost), blankToNull(accessibility),
                blankToNull(location), blankToNull(openingHours), blankToNull(howToApply), active);
    }

    /**
     * The domain named by a text as entered (any case), or {@code null} when it names
     * none: a form, the API and a CSV row report an unknown domain with the other broken
     * rules.
     */
    public static @Nullable Domain domain(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Domain.valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    static @Nullable UUID uuid(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static String normal(String language) {
        return language.strip().toLowerCase(Locale.ROOT);
    }

    private static void required(List<FieldError> errors, String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "provisions." + field + ".required"));
        }
        else if (value.strip().length() > max) {
            errors.add(new FieldError(field, "field.tooLong"));
        }
    }

    private static void optional(List<FieldError> errors, String field, @Nullable String value, int max) {
        if (value != null && value.strip().length() > max) {
            errors.add(new FieldError(field, "field.tooLong"));
        }
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
