package nl.meedoen.referrals;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A referral was sent to the partner on the given date, after its consent or legal basis
 * was checked, or with a team lead's override of that check ({@code consentOverridden}).
 */
public record ReferralSent(UUID municipalityId, UUID referralId, UUID personId, UUID partnerId, UUID provisionId,
        LocalDate on, boolean consentOverridden) {
}
