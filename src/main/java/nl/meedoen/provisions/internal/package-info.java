/** Model, rules and SQL of the provision directory; hidden from other modules. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.provisions.internal;
