/**
 * Mijn Meedoen: the resident's own portal. A resident's account (role RESIDENT) is linked
 * to exactly one person file and sees only that file's portal: the next appointments and
 * deadlines, the plan, referrals and consents, the buddy, messages with the caseworker,
 * and who looked at the file. The account is made with the activation letter a caseworker
 * prints from the file.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mijn Meedoen",
        allowedDependencies = { "platform", "identity", "audit", "residents", "plans", "network", "provisions",
                "referrals" })
@org.jspecify.annotations.NullMarked
package nl.meedoen.portal;
