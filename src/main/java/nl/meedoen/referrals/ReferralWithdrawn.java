package nl.meedoen.referrals;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A referral was withdrawn by the caseworker on the given date. */
public record ReferralWithdrawn(UUID municipalityId, UUID referralId, UUID personId, UUID partnerId, UUID provisionId,
        LocalDate on, @Nullable String reason) {
}
