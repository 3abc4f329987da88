/** Model, rules and SQL of trajectories; hidden from other modules. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.trajectories.internal;
