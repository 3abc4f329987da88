/** Demo data of identity and access, seeded once per municipality in the demo setup. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.identity.demo;
