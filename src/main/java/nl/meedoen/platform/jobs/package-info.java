/**
 * Background jobs that run once per installation, however many instances serve it: the
 * persistent, cluster-safe scheduler (db-scheduler) on the application's own database.
 */
@NullMarked
package nl.meedoen.platform.jobs;

import org.jspecify.annotations.NullMarked;
