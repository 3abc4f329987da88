package nl.meedoen.referrals;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a referral stands:
 * {@code DRAFT → SENT → ACCEPTED | DECLINED → STARTED → COMPLETED | DROPPED_OUT}, and
 * {@code WITHDRAWN} by the caseworker from any state that is not final.
 */
public enum ReferralStatus {

    DRAFT, SENT, ACCEPTED, DECLINED, STARTED, COMPLETED, DROPPED_OUT, WITHDRAWN;

    /** The states this one may move to. */
    public Set<ReferralStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SENT, WITHDRAWN);
            case SENT -> EnumSet.of(ACCEPTED, DECLINED, WITHDRAWN);
            case ACCEPTED -> EnumSet.of(STARTED, WITHDRAWN);
            case STARTED -> EnumSet.of(COMPLETED, DROPPED_OUT, WITHDRAWN);
            case DECLINED, COMPLETED, DROPPED_OUT, WITHDRAWN -> EnumSet.noneOf(ReferralStatus.class);
        };
    }

    public boolean canMoveTo(ReferralStatus to) {
        return next().contains(to);
    }

    /** Declining and dropping out are recorded with their reason. */
    public boolean needsReason() {
        return this == DECLINED || this == DROPPED_OUT;
    }

    /**
     * The states a partner organisation records: its response and what became of the
     * referral.
     */
    public boolean isPartnerResponse() {
        return this == ACCEPTED || this == DECLINED || this == STARTED || this == COMPLETED || this == DROPPED_OUT;
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

}
