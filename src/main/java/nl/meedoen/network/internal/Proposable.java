package nl.meedoen.network.internal;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.network.VolunteerRole;
import nl.meedoen.network.internal.MatchRequests.MatchRequest;
import org.jspecify.annotations.Nullable;

/**
 * Who may be proposed for a match request: an active volunteer with the role asked for, a
 * certificate of conduct (VOG) valid today, below their maximum number of running
 * matches, and not the person themselves. The candidate list leaves out whoever fails the
 * rule; a proposal of such a volunteer is refused with the reason.
 */
interface Proposable {

    boolean active();

    Set<VolunteerRole> roles();

    @Nullable LocalDate vogDate();

    int activeMatches();

    int maxMatches();

    @Nullable UUID personId();

    /**
     * Why this volunteer may not be proposed for the request today, as a message key, or
     * {@code null} when they may.
     */
    default @Nullable String refusalFor(MatchRequest request, NetworkSettings.Rules rules, LocalDate today) {
        if (!active()) {
            return "network.match.volunteerInactive";
        }
        if (!roles().contains(request.role())) {
            return "network.match.roleMissing";
        }
        if (!rules.vogValidOn(vogDate(), today)) {
            return "network.match.vogInvalid";
        }
        if (activeMatches() >= maxMatches()) {
            return "network.match.atMaxLoad";
        }
        if (request.personId().equals(personId())) {
            return "network.match.self";
        }
        return null;
    }

}
