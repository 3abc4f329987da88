package nl.meedoen.referrals;

import java.time.LocalDate;
import java.util.UUID;

/** A referral was accepted by the partner on the given date. */
public record ReferralAccepted(UUID municipalityId, UUID referralId, UUID personId, UUID partnerId, UUID provisionId,
        LocalDate on) {
}
