package nl.meedoen.network.internal;

import java.util.UUID;

import nl.meedoen.network.BuddyMatchEnded;
import nl.meedoen.network.BuddyMatchIntroduced;
import nl.meedoen.network.BuddyMatchProposed;
import nl.meedoen.network.BuddyMatchStarted;
import nl.meedoen.network.NetworkContactAdded;
import nl.meedoen.network.NetworkContactEnded;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.signals.Signals;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Asks early signalling to look at a person again whenever one of their buddy matches
 * moved or a contact of their own network was added or ended, once the change is
 * committed (through the event publication registry).
 */
@Component
class NetworkSignalTriggers {

    private final Signals signals;

    NetworkSignalTriggers(Signals signals) {
        this.signals = signals;
    }

    @ApplicationModuleListener
    void on(BuddyMatchEnded event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(BuddyMatchIntroduced event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(BuddyMatchProposed event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(BuddyMatchStarted event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(NetworkContactAdded event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    @ApplicationModuleListener
    void on(NetworkContactEnded event) {
        reevaluate(event.municipalityId(), event.personId());
    }

    private void reevaluate(UUID municipalityId, UUID personId) {
        Tenancy.runAs(municipalityId, () -> signals.reevaluate(personId));
    }

}
