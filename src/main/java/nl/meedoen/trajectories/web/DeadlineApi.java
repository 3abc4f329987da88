package nl.meedoen.trajectories.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.trajectories.internal.Deadlines;
import nl.meedoen.trajectories.internal.TrajectorySettings;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deadline calendar over JSON for the persons of the caller's team: deadlines from
 * {@code from} (default today) up to and including {@code to} (default 8 weeks on), and
 * every overdue guidance end and PIP due date, overdue first.
 */
@RestController
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class DeadlineApi {

    record Item(UUID personId, String kind, LocalDate dueDate, boolean overdue) {
    }

    record DeadlineList(List<Item> items) {
    }

    private final Deadlines deadlines;

    private final TrajectorySettings settings;

    DeadlineApi(Deadlines deadlines, TrajectorySettings settings) {
        this.deadlines = deadlines;
        this.settings = settings;
    }

    @GetMapping("/api/v1/deadlines")
    DeadlineList deadlines(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String caseworker) {
        LocalDate today = LocalDate.now();
        LocalDate start = from != null ? from : today;
        LocalDate end = to != null ? to : start.plusWeeks(settings.current().calendarWeeks());
        UUID caseworkerId = caseworker(caseworker);
        var found = caseworkerId == null ? deadlines.forMyTeam(start, end, today)
                : deadlines.forCaseworker(caseworkerId, start, end, today);
        return new DeadlineList(
                found.stream().map(d -> new Item(d.personId(), d.kind().name(), d.dueDate(), d.overdue())).toList());
    }

    /**
     * {@code me} for the caller's own persons, a caseworker's id for theirs, nothing for
     * the whole team.
     */
    static @Nullable UUID caseworker(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if ("me".equals(value)) {
            return CurrentUser.current().map(CurrentUser::id).orElse(null);
        }
        try {
            return UUID.fromString(value);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidInputException("caseworker", "trajectories.deadlines.caseworker");
        }
    }

}
