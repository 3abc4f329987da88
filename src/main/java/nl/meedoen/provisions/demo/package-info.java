/**
 * Demo data of the provision directory, seeded once per municipality in the demo setup.
 */
@org.jspecify.annotations.NullMarked
package nl.meedoen.provisions.demo;
