/** The versions of the national rule set. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.law.internal;
