/** Model, rules and SQL of the own network; hidden from other modules. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.network.internal;
