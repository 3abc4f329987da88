package nl.meedoen.signals.web;

import jakarta.servlet.http.HttpServletRequest;
import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.signals.internal.Worklist;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The number of the caseworker's own open signals on the start page (a count, no person
 * shown).
 */
@ControllerAdvice(basePackages = "nl.meedoen.identity.web")
class StartPageSignals {

    private final Worklist worklist;

    StartPageSignals(Worklist worklist) {
        this.worklist = worklist;
    }

    @ModelAttribute("openSignals")
    @Nullable Integer openSignals(HttpServletRequest request) {
        if (!"/".equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            return null;
        }
        return CurrentUser.current()
            .filter(user -> user.hasRole(Role.CASEWORKER) || user.hasRole(Role.TEAM_LEAD))
            .map(worklist::openCount)
            .orElse(null);
    }

}
