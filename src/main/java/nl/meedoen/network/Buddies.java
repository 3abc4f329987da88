package nl.meedoen.network;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The person's own buddy as the person may see it (Mijn Meedoen): the volunteer of the
 * person's current buddy match by first name only, and only the contact the volunteer
 * agreed to share (recorded by the volunteer coordinator; nothing by default).
 */
public interface Buddies {

    /**
     * The volunteer of a match that was introduced or is active: the first name, the
     * role, since when, and the phone number and e-mail address only when the volunteer
     * agreed to share them (null otherwise).
     */
    record Buddy(String firstName, VolunteerRole role, MatchStatus status, @Nullable LocalDate since,
            @Nullable String phone, @Nullable String email) {
    }

    /** The person's current buddies, the most recent match first. */
    java.util.List<Buddy> of(UUID personId);

    /** The person's most recent current buddy, if there is one. */
    default Optional<Buddy> current(UUID personId) {
        return of(personId).stream().findFirst();
    }

}
