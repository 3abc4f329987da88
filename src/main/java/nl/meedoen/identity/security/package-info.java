/** Login, roles and the guard against demo passwords outside the demo setup. */
@org.jspecify.annotations.NullMarked
package nl.meedoen.identity.security;
