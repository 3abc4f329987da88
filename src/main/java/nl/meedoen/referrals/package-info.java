/**
 * Referrals of a person to a provision of a partner organisation: the purpose, the data
 * shared, the consent or other legal basis for sharing it (no referral is sent without
 * one, unless a team lead overrides with a reason), and the lifecycle DRAFT → SENT →
 * ACCEPTED | DECLINED → STARTED → COMPLETED | DROPPED_OUT, or WITHDRAWN. Partner users
 * see only what is referred to their own organisation. Each transition publishes a
 * past-tense event.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Verwijzingen",
        allowedDependencies = { "platform", "identity", "audit", "residents", "provisions", "signals", "monitoring" })
@org.jspecify.annotations.NullMarked
package nl.meedoen.referrals;
