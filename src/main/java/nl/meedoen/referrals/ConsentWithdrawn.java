package nl.meedoen.referrals;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The person withdrew the consent they gave for a referral (Mijn Meedoen); the caseworker
 * who made the referral decides what happens with it. {@code legalBasis} says whether
 * another basis still lets the partner see the data.
 */
public record ConsentWithdrawn(UUID municipalityId, UUID referralId, UUID personId, UUID partnerId, UUID caseworkerId,
        LocalDate on, boolean legalBasis) {
}
