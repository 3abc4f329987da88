package nl.meedoen.referrals;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The person stopped taking part in the provision before its end, on the given date, for
 * the reason given.
 */
public record ReferralDroppedOut(UUID municipalityId, UUID referralId, UUID personId, UUID partnerId, UUID provisionId,
        LocalDate on, String reason) {
}
