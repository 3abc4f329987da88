package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A module that keeps the text of the PIP (the personal plan) and adopts it with the
 * trajectory's decision: told in the same transaction when the first PIP is adopted, so
 * the PIP and its text are one decision with one date.
 */
public interface PipAdoptionParticipant {

    /** The first PIP of the person was adopted on {@code adoptedOn}. */
    void pipAdopted(UUID personId, LocalDate adoptedOn);

}
