package nl.meedoen.referrals;

import java.time.LocalDate;
import java.util.UUID;

/** A referral was declined by the partner, with the reason on the given date. */
public record ReferralDeclined(UUID municipalityId, UUID referralId, UUID personId, UUID partnerId, UUID provisionId,
        LocalDate on, String reason) {
}
