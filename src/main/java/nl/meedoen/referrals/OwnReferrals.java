package nl.meedoen.referrals;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The referrals of one person as that person sees them in Mijn Meedoen: where they are
 * referred, the partner and how to reach it, where the referral stands, and the consent
 * they gave for sharing their data, which they may withdraw. The caller names the person
 * (the portal: the logged-in resident's own file, never an id from the request); another
 * person's referral is absent, exactly like one that does not exist. Drafts are not
 * shown: they are not referred yet.
 */
public interface OwnReferrals {

    /** A referral of the person, with its partner's contact and the consent given. */
    record OwnReferral(UUID id, String provisionName, String partnerName, @Nullable String partnerPhone,
            @Nullable String partnerEmail, @Nullable String partnerAddress, ReferralStatus status, LocalDate statusOn,
            String purpose, List<SharedField> sharedFields, @Nullable Consent consent) {
    }

    /**
     * The consent the person gave for the referral: since when, until when (open when
     * null) and, once withdrawn, the day it was withdrawn. Its id is the referral's.
     */
    record Consent(LocalDate givenOn, @Nullable LocalDate validUntil, @Nullable LocalDate withdrawnOn) {

        public boolean withdrawn() {
            return withdrawnOn != null;
        }

    }

    /** The person's referrals (not the drafts), newest first. */
    List<OwnReferral> of(UUID personId);

    /**
     * Withdraws the consent the person gave for the referral, from today: from now on the
     * partner no longer sees the shared data, unless another legal basis is recorded for
     * the referral. The referral's caseworker hears of it ({@link ConsentWithdrawn}); the
     * withdrawal is logged as the person's own act. A consent withdrawn before stays
     * withdrawn on its day (the answer is that day). Not found
     * ({@link nl.meedoen.platform.NotFoundException}) for a referral of another person, a
     * draft, or one without a consent.
     * @return the day the consent was withdrawn
     */
    LocalDate withdrawConsent(UUID personId, UUID referralId);

}
