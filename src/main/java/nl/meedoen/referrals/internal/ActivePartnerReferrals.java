package nl.meedoen.referrals.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import nl.meedoen.referrals.PartnerReferrals;
import nl.meedoen.referrals.ReferralStatus;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referrals of the logged-in partner user's organisation it may still report on: the
 * ones it accepted or started, while consent or another legal basis covers sharing.
 */
@Component
class ActivePartnerReferrals implements PartnerReferrals {

    private final ReferralRows rows;

    private final Clock clock;

    ActivePartnerReferrals(ReferralRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ActiveReferral> activeForMyOrganisation(UUID referralId) {
        if (!ReferralRows.isPartner()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        return rows.loadForPartner(referralId, false)
            .filter(r -> r.status() == ReferralStatus.ACCEPTED || r.status() == ReferralStatus.STARTED)
            .filter(r -> r.partnerSeesPersonOn(today, 0))
            .map(r -> new ActiveReferral(r.id(), r.personId(), r.partnerId()));
    }

}
