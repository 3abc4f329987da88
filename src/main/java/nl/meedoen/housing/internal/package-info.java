/** Model, rules and SQL of housing; hidden from other modules. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.housing.internal;
