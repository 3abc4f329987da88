package nl.meedoen.referrals;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The partner's response to a referral or its outcome was recorded (accepted, declined,
 * started, completed, dropped out), for the caseworker who made the referral.
 *
 * @param municipalityId the referral's municipality
 * @param referralId the referral
 * @param caseworkerId the account that made the referral
 * @param status the status the referral moved to
 * @param on the date of the response
 */
public record ReferralResponded(UUID municipalityId, UUID referralId, UUID caseworkerId, ReferralStatus status,
        LocalDate on) {
}
