package nl.meedoen.trajectories.internal;

import java.util.UUID;

import nl.meedoen.platform.Tenancy;
import nl.meedoen.signals.Signals;
import nl.meedoen.trajectories.BroadIntakeCompleted;
import nl.meedoen.trajectories.ExamResultRecorded;
import nl.meedoen.trajectories.ExemptionRecorded;
import nl.meedoen.trajectories.GuidanceClosed;
import nl.meedoen.trajectories.GuidanceExtended;
import nl.meedoen.trajectories.GuidanceStarted;
import nl.meedoen.trajectories.IntakeAppointmentScheduled;
import nl.meedoen.trajectories.IntakeNoShowRecorded;
import nl.meedoen.trajectories.IntegrationDutyRecorded;
import nl.meedoen.trajectories.OntzorgenStarted;
import nl.meedoen.trajectories.ParticipationDeclarationSigned;
import nl.meedoen.trajectories.PlanAdopted;
import nl.meedoen.trajectories.RouteSteppedDown;
import nl.meedoen.trajectories.RouteSwitched;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Asks early signalling to look at a person again whenever their trajectory changed, once
 * the change is committed (through the event publication registry), so a signal raised by
 * a due date closes by itself when the PIP is adopted and a new one opens at a no-show.
 */
@Component
class TrajectorySignalTriggers {

    private final Signals signals;

    TrajectorySignalTriggers(Signals signals) {
        this.signals = signals;
    }

    @ApplicationModuleListener
    void on(BroadIntakeCompleted event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(ExamResultRecorded event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(ExemptionRecorded event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(GuidanceClosed event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(GuidanceExtended event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(GuidanceStarted event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(IntakeAppointmentScheduled event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(IntakeNoShowRecorded event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(IntegrationDutyRecorded event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(OntzorgenStarted event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(ParticipationDeclarationSigned event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(PlanAdopted event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(RouteSteppedDown event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(RouteSwitched event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    private void reevaluate(UUID municipalityId, UUID personId) {
        Tenancy.runAs(municipalityId, () -> signals.reevaluate(personId));
    }

}
