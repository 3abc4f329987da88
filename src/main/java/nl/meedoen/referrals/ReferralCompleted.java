package nl.meedoen.referrals;

import java.time.LocalDate;
import java.util.UUID;

/** The person completed the provision the referral was for, on the given date. */
public record ReferralCompleted(UUID municipalityId, UUID referralId, UUID personId, UUID partnerId, UUID provisionId,
        LocalDate on) {
}
