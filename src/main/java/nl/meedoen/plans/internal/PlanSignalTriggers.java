package nl.meedoen.plans.internal;

import java.util.UUID;

import nl.meedoen.plans.ChildEducationRecorded;
import nl.meedoen.plans.IncomeRecorded;
import nl.meedoen.plans.LanguageLevelRecorded;
import nl.meedoen.plans.PlanGoalAdded;
import nl.meedoen.plans.PlanReviewRecorded;
import nl.meedoen.plans.PlanStarted;
import nl.meedoen.plans.PlanVersionAdopted;
import nl.meedoen.plans.WorkSituationRecorded;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.signals.Signals;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Asks early signalling to look at a person again whenever their plan, language levels,
 * income, work or children's education changed, once the change is committed (through the
 * event publication registry): a review recorded resolves an overdue review at once, a
 * higher level the lack of language progress, a new goal a dropout without follow-up.
 */
@Component
class PlanSignalTriggers {

    private final Signals signals;

    PlanSignalTriggers(Signals signals) {
        this.signals = signals;
    }

    @ApplicationModuleListener
    void on(PlanStarted event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(PlanGoalAdded event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(PlanVersionAdopted event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(PlanReviewRecorded event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(LanguageLevelRecorded event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(IncomeRecorded event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(WorkSituationRecorded event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    /** The child's own signal (VVE) and the parent's. */
    @ApplicationModuleListener
    void on(ChildEducationRecorded event) {
        reevaluate(event.municipalityId(), event.childId());
        reevaluate(event.municipalityId(), event.personId());
    }

    private void reevaluate(UUID municipalityId, UUID personId) {
        Tenancy.runAs(municipalityId, () -> signals.reevaluate(personId));
    }

}
