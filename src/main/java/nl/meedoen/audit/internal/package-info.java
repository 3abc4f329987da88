/** Model, rules and SQL of the processing log; hidden from other modules. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.audit.internal;
