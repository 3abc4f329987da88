/**
 * Pages and JSON API of the processing log: thin controllers over the module's services.
 */
@org.jspecify.annotations.NullMarked
package nl.meedoen.audit.web;
