/** Pages and JSON API of the platform: thin controllers over the module's services. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.platform.web;
