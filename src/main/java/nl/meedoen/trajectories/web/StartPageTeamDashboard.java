package nl.meedoen.trajectories.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.trajectories.internal.TeamDashboard;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The team dashboard on the team lead's start page: caseload and overdue deadlines per
 * caseworker, unassigned files, extension requests waiting (counts, no person shown).
 */
@ControllerAdvice(basePackages = "nl.meedoen.identity.web")
class StartPageTeamDashboard {

    private final TeamDashboard dashboard;

    StartPageTeamDashboard(TeamDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @ModelAttribute("teamDashboard")
    TeamDashboard.@Nullable View teamDashboard(HttpServletRequest request) {
        if (!"/".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            return null;
        }
        return CurrentUser.current()
            .filter(user -> user.hasRole(Role.TEAM_LEAD) && user.teamId() != null)
            .map(user -> dashboard.of(user.teamId()))
            .orElse(null);
    }

}
