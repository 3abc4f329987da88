/**
 * What an operator measures on {@code /actuator/prometheus} besides Spring's own meters:
 * figures the database answers, asked at most once per interval however often the metrics
 * are scraped.
 */
@NullMarked
package nl.meedoen.platform.metrics;

import org.jspecify.annotations.NullMarked;
