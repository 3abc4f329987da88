/**
 * The personal plan: what a person and their caseworker agree on the four spearheads
 * (language, norms and values, knowing the living environment, one's own network) and the
 * local provisions, adopted in versions that never change afterwards; progress reviews at
 * the municipality's interval; language levels per skill and NT2 lesson hours (whose
 * total goes to the trajectories module for the 600-hour rule); children's education,
 * work and income, and the "wegwijs" checklist. A person whose social guidance ends in
 * the local policy gets a draft plan.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plannen",
        allowedDependencies = { "platform", "identity", "audit", "residents", "trajectories", "signals", "monitoring" })
@org.jspecify.annotations.NullMarked
package nl.meedoen.plans;
