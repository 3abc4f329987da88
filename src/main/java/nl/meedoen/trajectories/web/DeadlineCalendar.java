package nl.meedoen.trajectories.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.trajectories.internal.Deadlines;
import nl.meedoen.trajectories.internal.Deadlines.Deadline;
import nl.meedoen.trajectories.internal.TrajectorySettings;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The deadline calendar as the page and the API show it: from {@code from} (default
 * today) up to the municipality's number of weeks ahead, plus everything overdue; of the
 * whole team or of one caseworker's persons. Showing it is a read of each person listed.
 */
@Component
class DeadlineCalendar {

    private final Deadlines deadlines;

    private final TrajectorySettings settings;

    private final AuditLog audit;

    private final Clock clock;

    DeadlineCalendar(Deadlines deadlines, TrajectorySettings settings, AuditLog audit, Clock clock) {
        this.deadlines = deadlines;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    int weeks() {
        return settings.current().calendarWeeks();
    }

    /** The deadlines shown, with their reads logged. */
    List<Deadline> shown(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable UUID caseworkerId) {
        LocalDate today = today();
        LocalDate start = from != null ? from : today;
        LocalDate end = to != null ? to : start.plusWeeks(weeks());
        List<Deadline> found = caseworkerId == null ? deadlines.forMyTeam(start, end, today)
                : deadlines.forCaseworker(caseworkerId, start, end, today);
        audit.read(AuditAction.TRAJECTORY_READ, found.stream().map(Deadline::personId).distinct().toList());
        return found;
    }

    /**
     * {@code me} for the caller's own persons, a caseworker's id for theirs, nothing for
     * the whole team; anything else is refused.
     */
    static @Nullable UUID caseworker(@Nullable String value) {
        UUID id = caseworkerOrTeam(value);
        if (id == null && value != null && !value.isBlank() && !"me".equals(value)) {
            throw new InvalidInputException("caseworker", "trajectories.deadlines.caseworker");
        }
        return id;
    }

    /** The same, with the whole team for a value that names no one. */
    static @Nullable UUID caseworkerOrTeam(@Nullable String value) {
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
            return null;
        }
    }

}
