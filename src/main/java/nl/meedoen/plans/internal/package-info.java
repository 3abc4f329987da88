/** Model, rules and SQL of personal plans; hidden from other modules. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.plans.internal;
