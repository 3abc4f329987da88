/** Pages and JSON API of housing: thin controllers over the module's services. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.housing.web;
