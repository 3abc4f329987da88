package nl.meedoen.audit;

/** The kinds of processing of a person's data that the log records. */
public enum AuditAction {

    /** The file was opened (page or API). */
    READ,
    /** The person was found by an identifying number (BSN or V-number). */
    SEARCH, CREATE, UPDATE,
    /** The file was ended: moved away, deceased or closed. */
    END,
    /** Household membership changed. */
    HOUSEHOLD,
    /** A privacy officer consulted the person's processing log. */
    AUDIT_VIEW,
    /** The person was matched to the municipality for housing (koppeling). */
    MATCH,
    /** The person was housed: key handover date and address recorded. */
    PLACEMENT,
    /** The person's trajectory (guidance, integration duty) was consulted. */
    TRAJECTORY_READ,
    /** The person's trajectory was changed: guidance started, extended, closed. */
    TRAJECTORY_UPDATE,
    /**
     * The person's personal plan, language progress, children, work and income were
     * consulted.
     */
    PLAN_READ,
    /** The person's personal plan or its progress was changed. */
    PLAN_UPDATE,
    /** The person's referrals were consulted by the municipality. */
    REFERRAL_READ,
    /** A referral of the person was drafted, sent, withdrawn or its outcome recorded. */
    REFERRAL_UPDATE,
    /**
     * A partner organisation read the data shared with it in a referral of the person.
     */
    REFERRAL_PARTNER_READ,
    /**
     * A team lead sent a referral of the person without consent or legal basis, with a
     * reason.
     */
    REFERRAL_CONSENT_OVERRIDE,
    /**
     * The person's own network (contacts, match requests, buddy matches) was consulted.
     */
    NETWORK_READ,
    /**
     * The person's own network was changed: a contact, a match request, a buddy match or
     * its log.
     */
    NETWORK_UPDATE

}
