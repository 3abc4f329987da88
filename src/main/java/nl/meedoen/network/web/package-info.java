/** Pages and JSON API of the own network: thin controllers over the module's services. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.network.web;
