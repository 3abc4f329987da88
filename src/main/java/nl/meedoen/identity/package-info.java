/**
 * Municipalities (the tenants), teams, user accounts, roles and login. The API of this
 * module is the current user ({@link nl.meedoen.identity.CurrentUser}), the roles and the
 * municipalities.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identiteit en toegang", allowedDependencies = "platform")
@org.jspecify.annotations.NullMarked
package nl.meedoen.identity;
