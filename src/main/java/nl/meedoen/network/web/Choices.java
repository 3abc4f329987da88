package nl.meedoen.network.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.network.internal.BuddyMatches.Match;
import nl.meedoen.network.internal.Volunteers;

import org.springframework.ui.Model;

/** What several network pages put in their model the same way. */
final class Choices {

    private Choices() {
    }

    /** The days and day parts of the availability table. */
    static void availability(Model model) {
        model.addAttribute("days",
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"));
        model.addAttribute("dayParts", List.of("MORNING", "AFTERNOON", "EVENING"));
    }

    /** The names of the volunteers of these matches, by volunteer id, in one query. */
    static Map<UUID, String> volunteerNames(Volunteers volunteers, List<Match> matches) {
        Map<UUID, String> names = new HashMap<>();
        volunteers.findAll(matches.stream().map(Match::volunteerId).distinct().toList())
            .forEach((id, v) -> names.put(id, v.name()));
        return names;
    }

    static boolean hasRole(Role role) {
        return CurrentUser.current().map(u -> u.hasRole(role)).orElse(false);
    }

}
