package nl.meedoen.signals;

import java.util.UUID;

/**
 * Early signalling as other modules use it: a module whose facts about a person changed
 * asks for that person's signals to be evaluated again (from a listener of its own
 * events, after the change is committed).
 */
public interface Signals {

    /**
     * Evaluates every enabled rule for one person of the current municipality: raises
     * what fires anew and resolves what no longer holds.
     */
    void reevaluate(UUID personId);

}
