/** Demo data of trajectories, seeded once per municipality in the demo setup. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.trajectories.demo;
