/** Account administration and the first administrator of an installation. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.identity.accounts;
