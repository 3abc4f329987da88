/**
 * Policy monitoring: indicators per spearhead for a municipality and a period, every
 * figure an aggregate with small counts suppressed, the national reference figures the
 * administrator keeps, and the exports and council report built from them. The modules
 * that own the facts contribute each indicator as one set-based query
 * ({@link Indicator}); this module runs them, suppresses what could identify a person and
 * shows the result.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Beleidsmonitor",
        allowedDependencies = { "platform", "identity", "audit", "residents" })
@org.jspecify.annotations.NullMarked
package nl.meedoen.monitoring;
