/** Pages and JSON API of residents: thin controllers over the module's services. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.residents.web;
