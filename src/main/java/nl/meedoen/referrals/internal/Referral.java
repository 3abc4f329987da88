package nl.meedoen.referrals.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import nl.meedoen.platform.ConflictException;
import nl.meedoen.platform.InvalidInputException;
import nl.meedoen.referrals.ReferralStatus;
import nl.meedoen.referrals.SharedField;
import org.jspecify.annotations.Nullable;

/**
 * A referral as stored, with the rules of its lifecycle and of its basis for sharing
 * data.
 */
public record Referral(UUID id, UUID personId, UUID provisionId, UUID partnerId, String purpose,
        List<SharedField> sharedFields, @Nullable LocalDate consentGivenOn, @Nullable LocalDate consentValidUntil,
        @Nullable String legalBasis, ReferralStatus status, @Nullable String statusReason, LocalDate statusOn,
        @Nullable LocalDate sentOn, @Nullable String overrideReason, @Nullable LocalDate consentWithdrawnOn,
        int version) {

    /**
     * Consent is given on a date, not in the future, and valid until a date on or after
     * it (if one is given).
     */
    static void consentDatesAreConsistent(@Nullable LocalDate givenOn, @Nullable LocalDate validUntil,
            LocalDate today) {
        if (givenOn == null && validUntil != null) {
            throw new InvalidInputException("consent.givenOn", "referrals.consent.givenOnRequired");
        }
        if (givenOn != null && givenOn.isAfter(today)) {
            throw new InvalidInputException("consent.givenOn", "referrals.consent.givenOnFuture");
        }
        if (givenOn != null && validUntil != null && validUntil.isBefore(givenOn)) {
            throw new InvalidInputException("consent.validUntil", "referrals.consent.validUntilBeforeGivenOn");
        }
    }

    /**
     * Consent that was given on or before the day, is still valid on it and was not
     * withdrawn on or before it.
     */
    public boolean hasConsentOn(LocalDate day) {
        return consentGivenOn != null && !consentGivenOn.isAfter(day)
                && (consentValidUntil == null || !consentValidUntil.isBefore(day)) && !consentWithdrawnBy(day);
    }

    /** The person withdrew the consent on or before the day. */
    public boolean consentWithdrawnBy(LocalDate day) {
        return consentWithdrawnOn != null && !consentWithdrawnOn.isAfter(day);
    }

    /** Another recorded legal basis for sharing, instead of consent. */
    public boolean hasLegalBasis() {
        return legalBasis != null && !legalBasis.isBlank();
    }

    /**
     * Data may be shared with the partner on the day: valid consent or another legal
     * basis.
     */
    public boolean maySendOn(LocalDate day) {
        return hasConsentOn(day) || hasLegalBasis();
    }

    /**
     * The lifecycle allows the move, with a reason where one is required and on a date
     * not before the last one.
     */
    public void checkTransition(ReferralStatus to, @Nullable String reason, LocalDate on, LocalDate today) {
        if (!status.canMoveTo(to)) {
            throw new ConflictException("referrals.transition.illegal", status.name(), to.name());
        }
        if (to.needsReason() && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "referrals.transition.reasonRequired");
        }
        if (on.isAfter(today)) {
            throw new InvalidInputException("date", "date.future");
        }
        if (on.isBefore(statusOn)) {
            throw new InvalidInputException("date", "referrals.transition.beforePrevious");
        }
    }

    /** Sent, and no response from the partner for longer than the municipality allows. */
    public boolean waitingTooLong(LocalDate today, int responseDays) {
        return status == ReferralStatus.SENT && sentOn != null && sentOn.plusDays(responseDays).isBefore(today);
    }

    /**
     * Whether the partner may still see the person's shared data on the day: not after a
     * withdrawal, not after the consent it was shared on expired or the person withdrew
     * it (unless another legal basis covers it), and not longer than {@code graceDays}
     * after it ended.
     */
    public boolean partnerSeesPersonOn(LocalDate day, int graceDays) {
        if (status == ReferralStatus.DRAFT || status == ReferralStatus.WITHDRAWN) {
            return false;
        }
        if (!hasLegalBasis() && consentValidUntil != null && consentValidUntil.isBefore(day)) {
            return false;
        }
        if (!hasLegalBasis() && consentWithdrawnBy(day)) {
            return false;
        }
        return !status.isFinal() || !statusOn.plusDays(graceDays).isBefore(day);
    }

    public boolean consentOverridden() {
        return overrideReason != null;
    }
}
