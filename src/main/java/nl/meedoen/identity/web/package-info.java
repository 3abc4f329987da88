/**
 * Pages and JSON API of identity and access: thin controllers over the module's services.
 */
@org.jspecify.annotations.NullMarked
package nl.meedoen.identity.web;
