/** Model, rules and SQL of exchange; hidden from other modules. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.exchange.internal;
