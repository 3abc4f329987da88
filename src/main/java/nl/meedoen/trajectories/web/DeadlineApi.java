package nl.meedoen.trajectories.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.meedoen.trajectories.internal.Deadlines;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deadline calendar over JSON for the persons of the caller's team: deadlines from {@code from} (default
 * today) up to and including {@code to} (default 8 weeks on), and every overdue guidance end and PIP due date,
 * overdue first.
 */
@RestController
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class DeadlineApi {

    record Item(UUID personId, String kind, LocalDate dueDate, boolean overdue) {
    }

    record DeadlineList(List<Item> items) {
    }

    private final Deadlines deadlines;

    DeadlineApi(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @GetMapping("/api/v1/deadlines")
    DeadlineList deadlines(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        LocalDate today = LocalDate.now();
        LocalDate start = from != null ? from : today;
        LocalDate end = to != null ? to : start.plusWeeks(8);
        return new DeadlineList(deadlines.forMyTeam(start, end, today)
            .stream()
            .map(d -> new Item(d.personId(), d.kind().name(), d.dueDate(), d.overdue()))
            .toList());
    }
}
