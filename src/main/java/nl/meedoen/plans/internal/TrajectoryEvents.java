package nl.meedoen.plans.internal;

import nl.meedoen.platform.Tenancy;
import nl.meedoen.trajectories.GuidanceClosed;
import nl.meedoen.trajectories.Handover;
import nl.meedoen.trajectories.PlanAdopted;
import nl.meedoen.trajectories.PlanRevised;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows the trajectory: a person whose social guidance ends in the local policy gets a
 * draft plan, and a PIP adopted in the trajectory gives the plan its learning route and
 * timeframe and adopts its draft on the PIP's date (one decision of record); a revised
 * PIP gives it the route of the revision. Each runs for the municipality of the event, in
 * a transaction of its own, so the database sees only that municipality's rows.
 */
@Component
class TrajectoryEvents {

    private final PersonalPlans plans;

    TrajectoryEvents(PersonalPlans plans) {
        this.plans = plans;
    }

    @ApplicationModuleListener
    void on(GuidanceClosed event) {
        if (event.handover() == Handover.LOCAL_POLICY) {
            Tenancy.runAs(event.municipalityId(), () -> plans.startIfAbsent(event.personId(), event.closedOn()));
        }
    }

    @ApplicationModuleListener
    void on(PlanRevised event) {
        Tenancy.runAs(event.municipalityId(), () -> plans.reflectRevision(event.personId(), event.route()));
    }

    @ApplicationModuleListener
    void on(PlanAdopted event) {
        Tenancy.runAs(event.municipalityId(), () -> plans.reflectPip(event.personId(), event.adoptedOn(), event.route(),
                event.integrationPeriodStart(), event.integrationPeriodEnd(), event.routeSwitchDeadline()));
    }

}
