package nl.meedoen.plans.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.platform.InvalidInputException.FieldError;
import nl.meedoen.platform.Tenancy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each municipality's plan settings, in the table {@code plan_setting}; a municipality
 * without a row has the defaults: a progress review every 3 months, and the usual places
 * of the "wegwijs" checklist.
 */
@Component
public class PlanSettings {

    /** The settings of one municipality. */
    public record Settings(int reviewIntervalMonths, List<String> wegwijsPlaces) {

        /** Shortest review interval, in months. */
        public static final int MIN_INTERVAL = 1;

        /** Longest review interval, in months. */
        public static final int MAX_INTERVAL = 24;

        /** Most places on the checklist. */
        public static final int MAX_PLACES = 40;

        /** Longest name of a place. */
        public static final int MAX_PLACE_LENGTH = 100;

        public static final Settings DEFAULTS = new Settings(3,
                List.of("Huisarts", "Apotheek", "Bibliotheek", "Gemeentewinkel (balie)", "School of kinderopvang",
                        "Sociaal team", "Sportvereniging", "Sociale Dienst Drechtsteden", "Tandarts",
                        "Ziekenhuis en huisartsenpost", "Supermarkt en markt", "Openbaar vervoer"));

        public Settings {
            wegwijsPlaces = List.copyOf(wegwijsPlaces);
        }

        /** The next review is due the review interval after {@code from}. */
        public LocalDate nextReviewAfter(LocalDate from) {
            return from.plusMonths(reviewIntervalMonths);
        }
    }

    private final JdbcClient jdbc;

    PlanSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Settings current() {
        return jdbc.sql("select review_interval_months, wegwijs_places from plan_setting where municipality_id = :m")
            .param("m", Tenancy.require())
            .query((rs, row) -> new Settings(rs.getInt(1), places(rs.getArray(2))))
            .optional()
            .orElse(Settings.DEFAULTS);
    }

    /**
     * Changes the settings: a review every 1 to 24 months, and 1 to 40 places of at most
     * 100 characters each.
     */
    @Transactional
    public void change(Settings settings) {
        List<FieldError> errors = new ArrayList<>();
        if (settings.reviewIntervalMonths() < Settings.MIN_INTERVAL
                || settings.reviewIntervalMonths() > Settings.MAX_INTERVAL) {
            errors.add(new FieldError("reviewIntervalMonths", "plans.settings.interval"));
        }
        List<String> places = settings.wegwijsPlaces();
        if (places.isEmpty() || places.size() > Settings.MAX_PLACES
                || places.stream().anyMatch(p -> p.length() > Settings.MAX_PLACE_LENGTH)) {
            errors.add(new FieldError("wegwijsPlaces", "plans.settings.places"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        jdbc.sql("""
                insert into plan_setting (municipality_id, review_interval_months, wegwijs_places)
                values (:m, :interval, string_to_array(:places, E'\\n'))
                on conflict (municipality_id) do update set review_interval_months = excluded.review_interval_months,
                    wegwijs_places = excluded.wegwijs_places""")
            .param("m", Tenancy.require())
            .param("interval", settings.reviewIntervalMonths())
            .param("places", String.join("\n", settings.wegwijsPlaces()))
            .update();
    }

    private static List<String> places(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

}
