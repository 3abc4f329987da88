package nl.meedoen.referrals;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The person started taking part in the provision the referral was for, on the given
 * date.
 */
public record ReferralStarted(UUID municipalityId, UUID referralId, UUID personId, UUID partnerId, UUID provisionId,
        LocalDate on) {
}
