package nl.meedoen.network.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.meedoen.network.ContactKind;
import nl.meedoen.network.MatchStatus;
import nl.meedoen.network.VolunteerRole;
import nl.meedoen.network.internal.LanguageLevel;
import nl.meedoen.network.internal.Volunteers.Language;
import nl.meedoen.network.internal.WeekdayPart;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.IsoCodes;
import nl.meedoen.residents.Gender;
import org.jspecify.annotations.Nullable;

/**
 * Turns the text of a form or JSON body into the module's values; anything unknown is
 * refused as a 400 on its field, never as a 500.
 */
final class Inputs {

    private Inputs() {
    }

    static VolunteerRole role(@Nullable String value, String field) {
        return parse(VolunteerRole.class, value, field, "network.role.unknown");
    }

    static Set<VolunteerRole> roles(@Nullable Collection<String> values, String field) {
        Set<VolunteerRole> roles = EnumSet.noneOf(VolunteerRole.class);
        for (String value : values == null ? List.<String>of() : values) {
            roles.add(role(value, field));
        }
        return roles;
    }

    static Set<WeekdayPart> availability(@Nullable Collection<String> values, String field) {
        Set<WeekdayPart> parts = EnumSet.noneOf(WeekdayPart.class);
        for (String value : values == null ? List.<String>of() : values) {
            parts.add(parse(WeekdayPart.class, value, field, "network.availability.unknown"));
        }
        return parts;
    }

    static @Nullable Gender gender(@Nullable String value, String field) {
        return value == null || value.isBlank() ? null : parse(Gender.class, value, field, "network.gender.unknown");
    }

    static MatchStatus status(@Nullable String value, String field) {
        return parse(MatchStatus.class, value, field, "network.match.status.unknown");
    }

    static ContactKind contactKind(@Nullable String value, String field) {
        return parse(ContactKind.class, value, field, "network.contact.kind.unknown");
    }

    /** ISO 639 codes, lower case; an unknown code is a 400 on {@code field}. */
    static List<String> languageCodes(@Nullable Collection<String> values, String field) {
        List<String> codes = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            String code = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            if (!IsoCodes.isLanguage(code)) {
                throw new InvalidInputException(field, "network.language.unknown");
            }
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    /**
     * ISO 3166-1 alpha-2 codes, upper case; an unknown code is a 400 on {@code field}.
     */
    static List<String> countryCodes(@Nullable Collection<String> values, String field) {
        List<String> codes = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            String code = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
            if (!IsoCodes.isCountry(code)) {
                throw new InvalidInputException(field, "network.country.unknown");
            }
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    /** Languages with their level ({@code FLUENT} when none is given). */
    static List<Language> languages(@Nullable Collection<String> codes, @Nullable Map<String, String> levels,
            String field) {
        List<Language> languages = new ArrayList<>();
        for (String code : languageCodes(codes, field)) {
            String level = levels == null ? null : levels.get(code);
            languages.add(new Language(code, level == null ? LanguageLevel.FLUENT
                    : parse(LanguageLevel.class, level, "languageLevels", "network.language.level.unknown")));
        }
        return languages;
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
