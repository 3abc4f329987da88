/** web of the portal; hidden from other modules. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.portal.web;
