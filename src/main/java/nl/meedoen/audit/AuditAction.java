package nl.meedoen.audit;

/** The kinds of processing of a person's data that the log records. */
public enum AuditAction {

    /** The file was opened (page or API). */
    READ("systeemtaak"),
    /** The whole file was shown on one page to print it (the print view). */
    FILE_PRINTED("systeemtaak"),
    /** The person was found by an identifying number (BSN or V-number). */
    SEARCH("systeemtaak"),
    /** The person was registered. */
    CREATE("systeemtaak"),
    /** The file was changed. */
    UPDATE("systeemtaak"),
    /** The file was ended: moved away, deceased or closed. */
    END("systeemtaak"),
    /** Household membership changed. */
    HOUSEHOLD("systeemtaak"),
    /**
     * A team lead shared the person's file with another team (need-to-know), with a
     * reason.
     */
    SHARE("systeemtaak"),
    /** A team lead revoked a share of the person's file with another team. */
    SHARE_REVOKED("systeemtaak"),
    /** A privacy officer consulted the person's processing log. */
    AUDIT_VIEW("systeemtaak"),
    /**
     * A privacy officer exported everything Meedoen holds on the person, on their request
     * (right of access, AVG art. 15).
     */
    SUBJECT_ACCESS_EXPORT("privacy"),
    /** Data of the person was anonymised or removed after its retention period. */
    RETENTION("bewaartermijnen"),
    /** The person was matched to the municipality for housing (koppeling). */
    MATCH("huisvesting"),
    /** The person was housed: key handover date and address recorded. */
    PLACEMENT("huisvesting"),
    /**
     * The person's housing (match, deadlines, place on the waiting list) was consulted.
     */
    HOUSING_READ("huisvesting"),
    /** The person's trajectory (guidance, integration duty) was consulted. */
    TRAJECTORY_READ("trajecten"),
    /** The person's trajectory was changed: guidance started, extended, closed. */
    TRAJECTORY_UPDATE("trajecten"),
    /**
     * The person's personal plan, language progress, children, work and income were
     * consulted.
     */
    PLAN_READ("plannen"),
    /** The person's personal plan or its progress was changed. */
    PLAN_UPDATE("plannen"),
    /** The person's referrals were consulted by the municipality. */
    REFERRAL_READ("verwijzingen"),
    /** A referral of the person was drafted, sent, withdrawn or its outcome recorded. */
    REFERRAL_UPDATE("verwijzingen"),
    /**
     * A partner organisation read the data shared with it in a referral of the person.
     */
    REFERRAL_PARTNER_READ("verwijzingen"),
    /**
     * A team lead sent a referral of the person without consent or legal basis, with a
     * reason.
     */
    REFERRAL_CONSENT_OVERRIDE("verwijzingen"),
    /**
     * The person's own network (contacts, match requests, buddy matches) was consulted.
     */
    NETWORK_READ("eigen netwerk"),
    /**
     * The person's own network was changed: a contact, a match request, a buddy match or
     * its log.
     */
    NETWORK_UPDATE("eigen netwerk"),
    /**
     * The person's signals (early signalling) were shown: on the worklist or the file.
     */
    SIGNAL_READ("vroegsignalering"),
    /** A signal about the person was acknowledged, snoozed, resolved or dismissed. */
    SIGNAL_UPDATE("vroegsignalering"),
    /**
     * The person looked at their own file in Mijn Meedoen (portal): the data subject's
     * own access.
     */
    PORTAL_READ("mijn meedoen"),
    /**
     * The person changed something in Mijn Meedoen: marked an own action done, withdrew a
     * consent, sent a message or reported a change.
     */
    PORTAL_UPDATE("mijn meedoen"),
    /**
     * A caseworker printed an activation letter for Mijn Meedoen: a one-time code with
     * which the person sets the password of their resident's account.
     */
    ACTIVATION_LETTER("mijn meedoen"),
    /**
     * The person logged in to Mijn Meedoen with DigiD, through the municipality's broker:
     * the identity was matched to this file.
     */
    PORTAL_LOGIN("mijn meedoen"),
    /**
     * A delivered list (the COA match list) brought the person's file in: the remarks of
     * the COA profile were stored.
     */
    COA_IMPORT("ketenuitwisseling"),
    /** The remarks of the person's COA profile (sensitive) were shown. */
    COA_REMARK_READ("ketenuitwisseling"),
    /**
     * A partner organisation reported on the person it was referred to: attendance,
     * lesson hours, a progress-test level or an exam result. The entry names the
     * partner's user.
     */
    PARTNER_REPORT("ketenuitwisseling"),
    /**
     * The person was looked up in the population register (BRP) by BSN and what the
     * register says was shown beside the file.
     */
    BRP_LOOKUP("ketenuitwisseling"),

    /**
     * The person's trajectory (duty, PIP, route, exams, exemptions, PVT, MAP, hours) was
     * delivered in the municipality's trajectory report for the chain, a file with the
     * person's BSN.
     */
    CHAIN_EXPORT("ketenuitwisseling"),
    /**
     * An administrator created, changed, disabled or enabled an account, gave it another
     * role, reset its password, or a second administrator or team lead approved or
     * declined a role: the subject is the account, not a person.
     */
    ACCOUNT_ADMINISTRATION("accountbeheer"),
    /**
     * A security event of an account's login: a success, a failure, a block after
     * repeated failures, a login through the identity provider or its refusal.
     */
    SECURITY_EVENT("beveiliging");

    private final String area;

    AuditAction(String area) {
        this.area = area;
    }

    /**
     * The area of work an action belongs to: logged as the role of the system when no one
     * is logged in (demo data, jobs).
     */
    public String area() {
        return area;
    }

    /** A read, as opposed to a change. */
    public boolean isRead() {
        return this == READ || this == FILE_PRINTED || name().endsWith("_READ");
    }

    /** About an account rather than a person: its entry names the account. */
    public boolean isAboutAnAccount() {
        return this == ACCOUNT_ADMINISTRATION || this == SECURITY_EVENT;
    }

}
