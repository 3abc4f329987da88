/**
 * The own network: volunteers (many of them migrants themselves, some also persons in
 * Meedoen), match requests for a person, explainable matching of volunteers to a request
 * (score per factor with municipality weights; no candidate without a valid certificate
 * of conduct, at maximum load or without the role asked for), buddy matches from proposal
 * to end with their log, and the person's own network of contacts. Match transitions
 * publish past-tense events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Eigen netwerk",
        allowedDependencies = { "platform", "identity", "audit", "residents", "signals", "monitoring" })
@org.jspecify.annotations.NullMarked
package nl.meedoen.network;
