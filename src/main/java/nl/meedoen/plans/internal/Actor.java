package nl.meedoen.plans.internal;

import nl.meedoen.identity.CurrentUser;

/**
 * Who did it, as a plan records it (who started it, adopted a version, recorded a
 * review): the logged-in user's name, or the system for the trajectory's events and the
 * demo data.
 */
final class Actor {

    static final String SYSTEM = "Systeem";

    private Actor() {
    }

    static String current() {
        return CurrentUser.current().map(CurrentUser::displayName).orElse(SYSTEM);
    }

}
