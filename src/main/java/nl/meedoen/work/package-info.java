/**
 * The caseworker's day: notifications inside the product for one user, made from the
 * events of the modules that own what happened (a partner's response to a referral,
 * signals raised for the user, a role approval decided), listed on the start page and
 * marked read when opened. A notification never names a person; no e-mail is sent. The
 * start page's counts themselves are contributed by each owning module
 * ({@link nl.meedoen.identity.WorkCounts}); this module adds the unread notifications.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mijn werk",
        allowedDependencies = { "platform", "identity", "referrals", "signals", "portal" })
@org.jspecify.annotations.NullMarked
package nl.meedoen.work;
