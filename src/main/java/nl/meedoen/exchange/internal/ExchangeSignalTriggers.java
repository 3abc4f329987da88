package nl.meedoen.exchange.internal;

import nl.meedoen.exchange.PartnerAbsenceReported;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.signals.Signals;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Asks early signalling to look at a person again once a partner's report of an absence
 * without notice is committed (through the event publication registry).
 */
@Component
class ExchangeSignalTriggers {

    private final Signals signals;

    ExchangeSignalTriggers(Signals signals) {
        this.signals = signals;
    }

    @ApplicationModuleListener
    void on(PartnerAbsenceReported event) {
        Tenancy.runAs(event.municipalityId(), () -> signals.reevaluate(event.personId()));
    }

}
