package nl.meedoen.network.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.meedoen.network.internal.Scoring.Weights;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.Tenancy;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each municipality's matching rules, in the table {@code network_setting}; a
 * municipality without a row has the defaults: a certificate of conduct (VOG) is valid
 * for 3 years, the check-in with a new match is due 4 weeks after it became active, and
 * the weights of {@link Weights#DEFAULTS}.
 */
@Component
public class NetworkSettings {

    /** The rules of one municipality. */
    public record Rules(int vogValidYears, int checkInWeeks, Weights weights) {

        public static final Rules DEFAULTS = new Rules(3, 4, Weights.DEFAULTS);

        /**
         * A VOG issued on {@code vogDate} is valid until (not including) the day the
         * validity years later.
         */
        public boolean vogValidOn(@Nullable LocalDate vogDate, LocalDate day) {
            return vogDate != null && !vogDate.isAfter(day) && day.isBefore(vogDate.plusYears(vogValidYears));
        }

        /** The check-in is due this long after the match became active. */
        public LocalDate checkInDue(LocalDate startedOn) {
            return startedOn.plusWeeks(checkInWeeks);
        }
    }

    private final JdbcClient jdbc;

    NetworkSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Rules current() {
        return jdbc.sql("""
                select vog_valid_years, check_in_weeks, weight_language, weight_background, weight_distance,
                    weight_availability, weight_interests, weight_preference, weight_load
                from network_setting where municipality_id = :m""")
            .param("m", Tenancy.require())
            .query((rs, n) -> new Rules(rs.getInt(1), rs.getInt(2),
                    new Weights(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8),
                            rs.getInt(9))))
            .optional()
            .orElse(Rules.DEFAULTS);
    }

    /**
     * Changes the rules: a VOG valid for 1 to 10 years, the check-in due after 1 to 52
     * weeks, each weight from 0 to 100.
     */
    @Transactional
    public void change(Rules rules) {
        Weights w = rules.weights();
        List<FieldError> errors = new ArrayList<>();
        range(errors, "vogValidYears", rules.vogValidYears(), 1, 10, "network.settings.vogYears");
        range(errors, "checkInWeeks", rules.checkInWeeks(), 1, 52, "network.settings.checkInWeeks");
        Map.of("language", w.language(), "background", w.background(), "distance", w.distance(), "availability",
                w.availability(), "interests", w.interests(), "preference", w.preference(), "load", w.load())
            .forEach((field, weight) -> range(errors, field, weight, 0, 100, "network.settings.weight"));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("""
                insert into network_setting (municipality_id, vog_valid_years, check_in_weeks, weight_language,
                    weight_background, weight_distance, weight_availability, weight_interests, weight_preference,
                    weight_load)
                values (:m, :vog, :checkIn, :language, :background, :distance, :availability, :interests,
                    :preference, :load)
                on conflict (municipality_id) do update set vog_valid_years = excluded.vog_valid_years,
                    check_in_weeks = excluded.check_in_weeks, weight_language = excluded.weight_language,
                    weight_background = excluded.weight_background, weight_distance = excluded.weight_distance,
                    weight_availability = excluded.weight_availability,
                    weight_interests = excluded.weight_interests, weight_preference = excluded.weight_preference,
                    weight_load = excluded.weight_load""")
            .param("m", Tenancy.require())
            .param("vog", rules.vogValidYears())
            .param("checkIn", rules.checkInWeeks())
            .param("language", w.language())
            .param("background", w.background())
            .param("distance", w.distance())
            .param("availability", w.availability())
            .param("interests", w.interests())
            .param("preference", w.preference())
            .param("load", w.load())
            .update();
    }

    private static void range(List<FieldError> errors, String field, int value, int min, int max, String key) {
        if (value < min || value > max) {
            errors.add(new FieldError(field, key));
        }
    }

}
