package nl.meedoen.plans.internal;

import java.time.LocalDate;
import java.util.UUID;

import nl.meedoen.trajectories.PipAdoptionParticipant;

import org.springframework.stereotype.Component;

/**
 * The personal plan as the text of the PIP: when the trajectory adopts the first PIP, the
 * plan's draft is adopted on the same date, in the same transaction.
 */
@Component
class PipText implements PipAdoptionParticipant {

    private final PersonalPlans plans;

    PipText(PersonalPlans plans) {
        this.plans = plans;
    }

    @Override
    public void pipAdopted(UUID personId, LocalDate adoptedOn) {
        plans.adoptAsThePip(personId, adoptedOn);
    }

}
