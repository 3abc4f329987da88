/**
 * Shared infrastructure every module builds on: the database (embedded or external
 * PostgreSQL, with the municipality of the current user handed to PostgreSQL row-level
 * security), problem details for the API and the errors modules raise.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package nl.meedoen.platform;
