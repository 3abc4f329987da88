/**
 * The housing quota (taakstelling): per period the official number of permit holders to
 * house, the number housed (counted from placements), the balance carried into the next
 * period, COA matches with their deadlines, the waiting list and forecasts from a
 * national total.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Huisvesting vergunninghouders",
        allowedDependencies = { "platform", "identity", "audit", "residents", "signals", "monitoring" })
@org.jspecify.annotations.NullMarked
package nl.meedoen.housing;
