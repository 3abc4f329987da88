package nl.meedoen.referrals.internal;

import java.util.UUID;

import nl.meedoen.platform.Tenancy;
import nl.meedoen.referrals.ReferralAccepted;
import nl.meedoen.referrals.ReferralCompleted;
import nl.meedoen.referrals.ReferralDeclined;
import nl.meedoen.referrals.ReferralDroppedOut;
import nl.meedoen.referrals.ReferralSent;
import nl.meedoen.referrals.ReferralStarted;
import nl.meedoen.referrals.ReferralWithdrawn;
import nl.meedoen.signals.Signals;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Asks early signalling to look at a person again whenever one of their referrals moved,
 * once the change is committed (through the event publication registry).
 */
@Component
class ReferralSignalTriggers {

    private final Signals signals;

    ReferralSignalTriggers(Signals signals) {
        this.signals = signals;
    }

    @ApplicationModuleListener
    void on(ReferralAccepted event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(ReferralCompleted event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(ReferralDeclined event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(ReferralDroppedOut event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(ReferralSent event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(ReferralStarted event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(ReferralWithdrawn event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    private void reevaluate(UUID municipalityId, UUID personId) {
        Tenancy.runAs(municipalityId, () -> signals.reevaluate(personId));
    }

}
