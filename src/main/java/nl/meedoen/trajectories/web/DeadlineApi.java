package nl.meedoen.trajectories.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.meedoen.audit.ShowsPersonData;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The deadline calendar over JSON for the persons of the caller's team. */
@RestController
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
@Tag(name = "Deadlines", description = "The trajectory deadline calendar of the caller's team.")
class DeadlineApi {

    record Item(UUID personId, String kind, LocalDate dueDate, boolean overdue) {
    }

    record DeadlineList(List<Item> items) {
    }

    private final DeadlineCalendar calendar;

    DeadlineApi(DeadlineCalendar calendar) {
        this.calendar = calendar;
    }

    @ShowsPersonData
    @GetMapping("/api/v1/deadlines")
    @Operation(summary = "List the team's deadlines",
            description = "Caseworkers and team leads. Deadlines from `from` (default today) up to and including `to` "
                    + "(default the municipality's calendar weeks on), plus every overdue guidance end, PIP due date "
                    + "and intake appointment without outcome, overdue first. `caseworker` is `me` or a colleague's "
                    + "id for the persons whose trajectory they hold. 400 for `to` before `from` or an unknown "
                    + "caseworker. Each person listed is logged as read.")
    DeadlineList deadlines(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String caseworker) {
        return new DeadlineList(calendar.shown(from, to, DeadlineCalendar.caseworker(caseworker))
            .stream()
            .map(d -> new Item(d.personId(), d.kind().name(), d.dueDate(), d.overdue()))
            .toList());
    }

}
