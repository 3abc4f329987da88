package nl.meedoen.housing.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.meedoen.housing.HouseholdHoused;
import nl.meedoen.housing.HouseholdMatched;
import nl.meedoen.housing.MatchCancelled;
import nl.meedoen.platform.Tenancy;
import nl.meedoen.signals.Signals;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Asks early signalling to look at the persons of a match again when it was made, when
 * some of them were housed and when it was cancelled, once the change is committed
 * (through the event publication registry): a placement resolves the housing deadline at
 * once, or moves the match's signal to a member still waiting.
 */
@Component
class HousingSignalTriggers {

    private final Signals signals;

    HousingSignalTriggers(Signals signals) {
        this.signals = signals;
    }

    @ApplicationModuleListener
    void on(HouseholdMatched event) {
        reevaluate(event.municipalityId(), event.personIds());
    }

    @ApplicationModuleListener
    void on(HouseholdHoused event) {
        Set<UUID> persons = new LinkedHashSet<>(event.personIds());
        persons.addAll(event.matchPersonIds());
        reevaluate(event.municipalityId(), List.copyOf(persons));
    }

    @ApplicationModuleListener
    void on(MatchCancelled event) {
        reevaluate(event.municipalityId(), event.personIds());
    }

    private void reevaluate(UUID municipalityId, List<UUID> personIds) {
        Tenancy.runAs(municipalityId, () -> personIds.forEach(signals::reevaluate));
    }

}
