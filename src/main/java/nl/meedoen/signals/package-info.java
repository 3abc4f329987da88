/**
 * Early signalling (vroegsignalering): rules that turn facts Meedoen already holds into
 * work a caseworker does before a problem grows. The modules that own the facts
 * contribute each rule as a set-based query ({@link SignalRule}) and the facts that
 * combined rules read ({@link SignalFact}); this module runs them per municipality,
 * raises a signal once per person, rule and occasion, lets it close itself when its
 * condition no longer holds, and keeps the worklist, the settings per municipality and
 * the outreach reports about residents not yet known to Meedoen.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Vroegsignalering",
        allowedDependencies = { "platform", "identity", "audit", "residents", "monitoring" })
@org.jspecify.annotations.NullMarked
package nl.meedoen.signals;
