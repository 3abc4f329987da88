package nl.meedoen.network.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.meedoen.network.VolunteerRole;
import nl.meedoen.network.internal.LanguageLevel;
import nl.meedoen.network.internal.Volunteers.Language;
import nl.meedoen.network.internal.WeekdayPart;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.IsoCodes;
import org.jspecify.annotations.Nullable;

/**
 * Turns the free text of a form or JSON body into the module's values: comma-separated
 * lists, ISO codes and volunteer roles, which are typed as text so that an unknown one is
 * refused as a 400 on the list's own field (not on one of its items), never as a 500.
 */
final class Inputs {

    private Inputs() {
    }

    /** A volunteer's roles; an unknown one is a 400 on {@code roles}. */
    static Set<VolunteerRole> roles(@Nullable Collection<String> values) {
        Set<VolunteerRole> roles = EnumSet.noneOf(VolunteerRole.class);
        for (String value : values == null ? List.<String>of() : values) {
            roles.add(parse(VolunteerRole.class, value, "roles", "network.role.unknown"));
        }
        return roles;
    }

    /** The weekday parts chosen, none when the field was left out. */
    static Set<WeekdayPart> availability(@Nullable Collection<WeekdayPart> values) {
        return values == null || values.isEmpty() ? EnumSet.noneOf(WeekdayPart.class) : EnumSet.copyOf(values);
    }

    /**
     * ISO 639 codes typed as codes or as Dutch or English names, in lower case and each
     * once; whether an unrecognised one is known is the domain's rule.
     */
    static List<String> languageCodes(@Nullable Collection<String> values) {
        return codes(
                values == null ? null
                        : values.stream().map(v -> v == null ? "" : IsoCodes.languageCode(v).orElse(v)).toList(),
                false);
    }

    /**
     * ISO 3166-1 alpha-2 codes typed as codes or as Dutch or English names, in upper case
     * and each once; whether an unrecognised one is known is the domain's rule.
     */
    static List<String> countryCodes(@Nullable Collection<String> values) {
        return codes(values == null ? null
                : values.stream().map(v -> v == null ? "" : IsoCodes.countryCode(v).orElse(v)).toList(), true);
    }

    private static List<String> codes(@Nullable Collection<String> values, boolean upper) {
        List<String> codes = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            String stripped = value == null ? "" : value.strip();
            String code = upper ? stripped.toUpperCase(Locale.ROOT) : stripped.toLowerCase(Locale.ROOT);
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    /** Languages with their level ({@code FLUENT} when none is given). */
    static List<Language> languages(@Nullable Collection<String> codes, @Nullable Map<String, String> levels) {
        List<Language> languages = new ArrayList<>();
        for (String code : languageCodes(codes)) {
            String level = levels == null ? null : levels.get(code);
            languages.add(new Language(code, level == null ? LanguageLevel.FLUENT
                    : parse(LanguageLevel.class, level, "languageLevels", "network.language.level.unknown")));
        }
        return languages;
    }

    /** Free words of a JSON list (skills, interests), without the blank ones. */
    static List<String> words(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Comma-separated text of a form field as a list of trimmed, non-empty parts. */
    static List<String> split(@Nullable String text) {
        List<String> parts = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        return parts;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value, String field, String key) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException(field, key);
        }
    }

}
