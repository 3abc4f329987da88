package nl.meedoen.plans.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import nl.meedoen.plans.GoalStatus;
import nl.meedoen.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * The plan's choices as the JSON API receives them: a code of one of the module's enums.
 * An unknown code answers 400 with the field and the same Dutch message a page shows for
 * it ({@code typeMismatch.<enum>}), which names the choices there are.
 */
final class Choices {

    private Choices() {
    }

    static <E extends Enum<E>> E of(Class<E> type, @Nullable String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException(field, "typeMismatch." + type.getName());
        }
    }

    /** Each goal's new status by the goal's id; an id that names no goal is unknown. */
    static Map<UUID, GoalStatus> goalStatuses(Map<String, String> byGoal) {
        Map<UUID, GoalStatus> statuses = new LinkedHashMap<>();
        byGoal.forEach((goal, status) -> {
            UUID id;
            try {
                id = UUID.fromString(goal);
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidInputException("goalStatuses", "plans.review.unknownGoal");
            }
            statuses.put(id, of(GoalStatus.class, status, "goalStatuses"));
        });
        return statuses;
    }

}
