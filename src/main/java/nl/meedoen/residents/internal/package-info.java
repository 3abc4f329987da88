/** Model, rules and SQL of residents; hidden from other modules. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.residents.internal;
