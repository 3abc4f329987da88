/**
 * The trajectory of a permit holder after housing: social guidance (6 months, once
 * extended by 3 with a team lead's approval, closed with a handover decision), the
 * civic-integration duty with its PIP, the broad intake, the learning route, ontzorgen
 * and the PVT, with every legal deadline computed from the national rule set (module law)
 * and every local one from the municipality's settings. Each change publishes a
 * past-tense event for the modules that react. See {@code docs/trajectories.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Trajecten",
        allowedDependencies = { "platform", "identity", "audit", "residents", "law", "signals", "monitoring" })
@org.jspecify.annotations.NullMarked
package nl.meedoen.trajectories;
