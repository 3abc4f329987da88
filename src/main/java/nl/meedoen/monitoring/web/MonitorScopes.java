package nl.meedoen.monitoring.web;

import java.time.Clock;
import java.time.LocalDate;

import nl.meedoen.identity.CurrentUser;
import nl.meedoen.identity.Role;
import nl.meedoen.monitoring.MonitoringPeriod;
import nl.meedoen.monitoring.internal.Monitor;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Whose figures the caller sees and for which period: a team lead the own team's caseload
 * (unsuppressed), everyone else the municipality (suppressed); without a period the last
 * complete half-year.
 */
@Component
class MonitorScopes {

    private final Clock clock;

    MonitorScopes(Clock clock) {
        this.clock = clock;
    }

    Monitor.Scope scope() {
        return CurrentUser.current()
            .filter(user -> user.hasRole(Role.TEAM_LEAD) && user.teamId() != null)
            .map(user -> new Monitor.Scope(user.teamId()))
            .orElse(Monitor.Scope.municipality());
    }

    MonitoringPeriod period(@Nullable String text) {
        return text == null || text.isEmpty() ? MonitoringPeriod.lastCompleteHalfYear(LocalDate.now(clock))
                : MonitoringPeriod.parse(text);
    }

    MonitoringPeriod current() {
        return MonitoringPeriod.lastCompleteHalfYear(LocalDate.now(clock));
    }

}
