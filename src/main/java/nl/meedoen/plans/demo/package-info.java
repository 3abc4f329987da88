/** Demo data of personal plans, seeded once per municipality in the demo setup. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.plans.demo;
