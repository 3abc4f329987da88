package nl.meedoen.trajectories.web;

import java.util.List;
import java.util.UUID;

import nl.meedoen.audit.AuditAction;
import nl.meedoen.audit.AuditLog;
import nl.meedoen.audit.ShowsPersonData;
import nl.meedoen.identity.Colleagues;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.platform.web.Forms;
import nl.meedoen.trajectories.internal.Deadlines.Deadline;
import nl.meedoen.trajectories.internal.Guidances;
import nl.meedoen.trajectories.internal.Guidances.PendingRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The trajectory pages of the whole team: the deadline calendar, and the team lead's
 * queue of extension requests.
 */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER', 'TEAM_LEAD')")
class TeamPages {

    private final DeadlineCalendar calendar;

    private final Guidances guidances;

    private final Colleagues colleagues;

    private final AuditLog audit;

    TeamPages(DeadlineCalendar calendar, Guidances guidances, Colleagues colleagues, AuditLog audit) {
        this.calendar = calendar;
        this.guidances = guidances;
        this.colleagues = colleagues;
        this.audit = audit;
    }

    /**
     * The deadline calendar: everything overdue, then the municipality's number of weeks
     * ahead; of the whole team, of the caller's own persons ({@code begeleider=ik}) or of
     * one colleague of the team. A hand-edited address shows the whole team.
     */
    @ShowsPersonData
    @GetMapping("/traject/termijnen")
    String calendar(@RequestParam(name = "begeleider", required = false) @Nullable String caseworker, Model model) {
        UUID caseworkerId = DeadlineCalendar.caseworkerOrTeam("ik".equals(caseworker) ? "me" : caseworker);
        List<Deadline> deadlines = calendar.shown(null, null, caseworkerId);
        model.addAttribute("deadlines", deadlines);
        model.addAttribute("selected", caseworkerId == null || caseworker == null ? "" : caseworker);
        model.addAttribute("team",
                CurrentUser.current().map(CurrentUser::teamId).map(colleagues::ofTeam).orElse(List.of()));
        model.addAttribute("weeks", calendar.weeks());
        model.addAttribute("today", calendar.today());
        return "trajectories/calendar";
    }

    @ShowsPersonData
    @GetMapping("/traject/verlengingen")
    @PreAuthorize("hasRole('TEAM_LEAD')")
    String queue(Model model) {
        List<PendingRequest> pending = guidances.pending();
        audit.read(AuditAction.TRAJECTORY_READ, pending.stream().map(p -> p.person().id()).distinct().toList());
        model.addAttribute("pending", pending);
        return "trajectories/queue";
    }

    /** Approves, or rejects with the team lead's note, one request of the queue. */
    @PostMapping("/traject/verlengingen/{requestId}")
    @PreAuthorize("hasRole('TEAM_LEAD')")
    String decide(@PathVariable UUID requestId, @RequestParam UUID personId, @RequestParam String decision,
            @RequestParam(defaultValue = "") String note, @RequestParam int version, RedirectAttributes redirect) {
        if ("approve".equals(decision)) {
            Forms.attempt(redirect, "trajectories.extension.approved",
                    () -> guidances.approve(personId, requestId, note, version));
        }
        else {
            Forms.attempt(redirect, "trajectories.extension.rejected",
                    () -> guidances.reject(personId, requestId, note, version));
        }
        return "redirect:/traject/verlengingen";
    }

}
