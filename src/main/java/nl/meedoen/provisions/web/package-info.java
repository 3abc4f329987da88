/**
 * Pages and JSON API of the provision directory: thin controllers over the module's
 * services.
 */
@org.jspecify.annotations.NullMarked
package nl.meedoen.provisions.web;
