package nl.meedoen.signals;

import java.util.UUID;

/**
 * One evaluation of a rule raised new signals owned by a caseworker: one event per owner
 * and rule, with the number raised (never the persons).
 *
 * @param municipalityId the municipality evaluated
 * @param ownerId the caseworker who owns the new signals
 * @param rule the rule that raised them
 * @param count how many it raised for the owner
 */
public record SignalsRaised(UUID municipalityId, UUID ownerId, SignalCode rule, int count) {
}
