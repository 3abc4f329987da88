/** Meedoen: the application that starts every module. */
@org.jspecify.annotations.NullMarked
package nl.meedoen;
