/** Demo data of the own network, seeded once per municipality in the demo setup. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.network.demo;
