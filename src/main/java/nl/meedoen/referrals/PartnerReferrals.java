package nl.meedoen.referrals;

import java.util.Optional;
import java.util.UUID;

/**
 * The referrals a partner organisation may report on: for other modules that take in what
 * a partner delivers (attendance, hours, levels, exam results).
 */
public interface PartnerReferrals {

    /** A referral the partner works on, and whom it is about. */
    record ActiveReferral(UUID id, UUID personId, UUID partnerId) {
    }

    /**
     * The referral, when it was sent to the logged-in partner user's own organisation, is
     * accepted or started, and its basis for sharing still holds today; empty otherwise
     * (another organisation's, a draft, declined, ended or withdrawn one, or a caller who
     * is no partner user).
     */
    Optional<ActiveReferral> activeForMyOrganisation(UUID referralId);

}
