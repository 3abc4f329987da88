/**
 * The database: embedded or external PostgreSQL, with the municipality handed to
 * row-level security.
 */
@org.jspecify.annotations.NullMarked
package nl.meedoen.platform.database;
