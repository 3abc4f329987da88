/** Demo data of housing, seeded once per municipality in the demo setup. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.housing.demo;
