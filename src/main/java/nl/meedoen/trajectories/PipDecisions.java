package nl.meedoen.trajectories;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.trajectories.internal.IntegrationDuties;
import nl.meedoen.trajectories.internal.IntegrationDuties.Duty;
import nl.meedoen.trajectories.internal.TrajectoryVersions;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PIP as one decision for the modules around the trajectory: the trajectory's
 * integration duty holds the decision of record (the date of the first PIP, which starts
 * the integration period, and every later version as a revision). The personal plan's
 * version adopted on the PIP's date is that decision's text; a plan version adopted later
 * is a new version of the same PIP and is recorded here as its revision.
 */
@Service
public class PipDecisions {

    private final IntegrationDuties duties;

    private final TrajectoryVersions versions;

    PipDecisions(IntegrationDuties duties, TrajectoryVersions versions) {
        this.duties = duties;
        this.versions = versions;
    }

    /** The date of the PIP of record (the first PIP), once it is adopted. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> adoptedOn(UUID personId) {
        return duties.find(personId).map(Duty::planAdoptedOn);
    }

    /**
     * A version of the personal plan was adopted on {@code adoptedOn}: after the date of
     * the PIP of record it is a revision of that PIP (reason OTHER), recorded in the
     * caller's transaction; on or before it, or without a PIP, nothing changes here.
     * Answers whether a revision was recorded. The caller's lock is the plan's (its
     * draft's version); the revision is recorded on the integration duty as it stands in
     * this transaction.
     */
    @Transactional
    public boolean planVersionAdopted(UUID personId, LocalDate adoptedOn) {
        Optional<Duty> duty = duties.find(personId);
        LocalDate first = duty.map(Duty::planAdoptedOn).orElse(null);
        if (first == null || !adoptedOn.isAfter(first)) {
            return false;
        }
        duties.adoptPlan(personId, adoptedOn, duty.get().route(), RevisionReason.OTHER,
                versions.of(TrajectoryVersions.Part.INTEGRATION_DUTY, personId).orElse(0));
        return true;
    }

}
