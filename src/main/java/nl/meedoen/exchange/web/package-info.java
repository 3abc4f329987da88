/** Pages and JSON API of exchange. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.exchange.web;
